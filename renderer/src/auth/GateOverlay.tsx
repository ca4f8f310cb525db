import { useEffect, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import classes from './GateOverlay.module.css';

/**
 * How many overlays conceal each element, and its own aria-hidden to put back
 * (e.g. the chart library's hidden text-measuring span). Counted, so that when
 * overlays overlap (a lock during patient mode) the first to close does not
 * uncover the app while another is still up.
 */
const concealed = new Map<Element, { count: number; ariaHidden: string | null }>();

/**
 * Hides every other child of the page from view, makes it inert and hides it
 * from assistive technology, until the returned function is called. `keep`
 * (the overlay's own host) stays shown; null hides everything.
 */
export function concealAllBut(keep: Element | null): () => void {
  const mine: Element[] = [];
  for (const el of Array.from(document.body.children)) {
    if (el === keep || el.tagName === 'SCRIPT') continue;
    const held = concealed.get(el);
    if (held) held.count += 1;
    else if (el.hasAttribute('inert')) continue; // inert by someone else (a modal): theirs to undo
    else {
      concealed.set(el, { count: 1, ariaHidden: el.getAttribute('aria-hidden') });
      el.setAttribute('inert', '');
      el.setAttribute('aria-hidden', 'true');
      el.classList.add(classes.concealed!);
    }
    mine.push(el);
  }
  return () => {
    for (const el of mine) {
      const held = concealed.get(el)!;
      held.count -= 1;
      if (held.count > 0) continue;
      concealed.delete(el);
      el.removeAttribute('inert');
      if (held.ariaHidden === null) el.removeAttribute('aria-hidden');
      else el.setAttribute('aria-hidden', held.ariaHidden);
      el.classList.remove(classes.concealed!);
    }
  };
}

/**
 * Shows a gate over the whole window without unmounting the app, so nothing
 * typed is lost. Everything else in the page (the app, and its dialogs and
 * notifications, which live in their own portals) is concealed while the gate
 * is up: a locked screen shows no patient. Patient mode uses it too.
 */
export function GateOverlay({ children, testId = 'gate' }: { children: ReactNode; testId?: string }) {
  const [host] = useState(() => {
    const el = document.createElement('div');
    el.className = classes.overlay!;
    el.dataset.testid = testId;
    return el;
  });

  useEffect(() => {
    document.body.appendChild(host);
    const release = concealAllBut(host);
    return () => {
      release();
      host.remove();
    };
  }, [host]);

  return createPortal(children, host);
}
