import { useCallback, useEffect, useRef, useState } from 'react';

export type Page<T> = { items: T[]; nextCursor?: string | null };

type Paged<T> = {
  items: T[];
  status: 'loading' | 'ok' | 'error';
  error: unknown;
  hasMore: boolean;
  loadMore: () => void;
  reload: () => void;
};

/** A cursor-paged list ("load more"), as the server's list endpoints answer `{ items, nextCursor }`. */
export function usePaged<T>(loadPage: (cursor: string | undefined) => Promise<Page<T>>): Paged<T> {
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null | undefined>(undefined);
  const [status, setStatus] = useState<Paged<T>['status']>('loading');
  const [error, setError] = useState<unknown>(null);
  // The loader is usually an inline function; keep the latest without re-running effects.
  const loader = useRef(loadPage);
  loader.current = loadPage;
  const generation = useRef(0);

  const fetchPage = useCallback(async (from: string | undefined, replace: boolean) => {
    const mine = ++generation.current;
    setStatus('loading');
    try {
      const page = await loader.current(from);
      if (mine !== generation.current) return;
      setItems((previous) => (replace ? page.items : [...previous, ...page.items]));
      setCursor(page.nextCursor ?? null);
      setStatus('ok');
    } catch (caught) {
      if (mine !== generation.current) return;
      setError(caught);
      setStatus('error');
    }
  }, []);

  useEffect(() => {
    void fetchPage(undefined, true);
  }, [fetchPage]);

  return {
    items,
    status,
    error,
    hasMore: typeof cursor === 'string',
    loadMore: () => {
      if (typeof cursor === 'string') void fetchPage(cursor, false);
    },
    reload: () => void fetchPage(undefined, true),
  };
}
