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
    // Each element's own aria-hidden (e.g. the chart library's hidden text-measuring span) is put back as it was.
    const concealed: { el: Element; ariaHidden: string | null }[] = [];
    for (const el of Array.from(document.body.children)) {
      if (el === host || el.tagName === 'SCRIPT' || el.hasAttribute('inert')) continue;
      concealed.push({ el, ariaHidden: el.getAttribute('aria-hidden') });
      el.setAttribute('inert', '');
      el.setAttribute('aria-hidden', 'true');
      el.classList.add(classes.concealed!);
    }
    return () => {
      for (const { el, ariaHidden } of concealed) {
        el.removeAttribute('inert');
        if (ariaHidden === null) el.removeAttribute('aria-hidden');
        else el.setAttribute('aria-hidden', ariaHidden);
        el.classList.remove(classes.concealed!);
      }
      host.remove();
    };
  }, [host]);

  return createPortal(children, host);
}
