import { useEffect, useRef, useState } from 'react';
import { focusField } from '../../components/error-summary';

/**
 * Adding and removing rows keeps the focus where the person works (WCAG 2.4.3): on the new
 * row's first field, or after a removal on the next row, else on the add button.
 */
export function useRowFocus() {
  const pending = useRef<string | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (pending.current === null) return;
    focusField(pending.current);
    pending.current = null;
  }, [tick]);
  return (id: string) => {
    pending.current = id;
    setTick((value) => value + 1);
  };
}
