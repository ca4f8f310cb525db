import { useEffect, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import classes from './GateOverlay.module.css';

/**
 * Shows a gate over the whole window without unmounting the app, so nothing
 * typed is lost. Everything else in the page (the app, and its dialogs and
 * notifications, which live in their own portals) is hidden from view, made
 * inert and hidden from assistive technology while the gate is up: a locked
 * screen shows no patient.
 */
export function GateOverlay({ children }: { children: ReactNode }) {
  const [host] = useState(() => {
    const el = document.createElement('div');
    el.className = classes.overlay!;
    el.dataset.testid = 'gate';
    return el;
  });

  useEffect(() => {
    document.body.appendChild(host);
    const concealed: Element[] = [];
    for (const el of Array.from(document.body.children)) {
      if (el === host || el.tagName === 'SCRIPT' || el.hasAttribute('inert')) continue;
      el.setAttribute('inert', '');
      el.setAttribute('aria-hidden', 'true');
      el.classList.add(classes.concealed!);
      concealed.push(el);
    }
    return () => {
      for (const el of concealed) {
        el.removeAttribute('inert');
        el.removeAttribute('aria-hidden');
        el.classList.remove(classes.concealed!);
      }
      host.remove();
    };
  }, [host]);

  return createPortal(children, host);
}
