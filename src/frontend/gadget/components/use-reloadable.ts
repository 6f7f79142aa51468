import { useCallback, useEffect, useState } from 'react';

/**
 * Loads a gadget's state on mount and again on `retry`, showing `{phase: 'loading'}` meanwhile.
 * A load that finishes after the gadget unmounted (or after a newer retry) is ignored.
 */
export function useReloadable<S>(load: () => Promise<S>): [S | { phase: 'loading' }, () => void] {
  const [state, setState] = useState<S | { phase: 'loading' }>({ phase: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  useEffect(() => {
    let current = true;
    setState({ phase: 'loading' });
    void load().then((next) => {
      if (current) setState(next);
    });
    return () => {
      current = false;
    };
  }, [attempt, load]);

  return [state, retry];
}
