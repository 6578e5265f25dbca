import { type RefObject, useEffect } from 'react';

/**
 * A step that replaces the one the focus was in (the confirmation gives way to the progress,
 * the progress to the outcome) takes the focus, which would otherwise fall to the page
 * (WCAG 2.4.3); where the person has put it themselves, it stays.
 */
export function useFocusIfLost(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const active = document.activeElement;
    if (active === null || active === document.body) ref.current?.focus();
  }, [ref]);
}
