import type { KeyboardEvent } from 'react';

/** Ctrl+Enter (Cmd+Enter) submits from anywhere in the form, including multi-line fields. */
export function submitOnModEnter(e: KeyboardEvent<HTMLFormElement>) {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
    e.preventDefault();
    e.currentTarget.requestSubmit();
  }
}
