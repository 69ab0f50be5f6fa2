import { type DependencyList, useCallback, useEffect, useState } from 'react';

export type Loadable<T> =
  | { status: 'loading' }
  | { status: 'ok'; data: T }
  | { status: 'error'; error: unknown };

/** Loads data for a page; `reload` runs the loader again (after a write, or from a retry button). */
export function useApi<T>(
  load: () => Promise<T>,
  deps: DependencyList,
): Loadable<T> & { reload: () => void } {
  const [state, setState] = useState<Loadable<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // The caller's deps decide when the loader changes, as with useCallback.
  // biome-ignore lint/correctness/useExhaustiveDependencies: deps are the caller's
  const loader = useCallback(load, deps);

  useEffect(() => {
    let current = true;
    setState((previous) => (previous.status === 'ok' && attempt > 0 ? previous : { status: 'loading' }));
    loader().then(
      (data) => current && setState({ status: 'ok', data }),
      (error: unknown) => current && setState({ status: 'error', error }),
    );
    // A response for an older request must not overwrite a newer one.
    return () => {
      current = false;
    };
  }, [loader, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, reload };
}
