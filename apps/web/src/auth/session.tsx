import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiError } from '../api/api-error.ts';
import { api, rememberCsrfToken, unwrap } from '../api/client.ts';
import type { RequestOf, User } from '../api/types.ts';

export type RegisterInput = RequestOf<'/auth/register', 'post'>;

type Session = {
  /** undefined while the first GET /auth/me is in flight; null when signed out. */
  user: User | null | undefined;
  signIn: (login: string, password: string) => Promise<User>;
  register: (input: RegisterInput) => Promise<User>;
  signOut: () => Promise<void>;
  refresh: () => Promise<User | null>;
};

const SessionContext = createContext<Session | null>(null);

async function fetchMe(): Promise<User | null> {
  try {
    const me = await unwrap(api.GET('/auth/me'));
    rememberCsrfToken(me.csrfToken);
    return me.user;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      rememberCsrfToken(undefined);
      return null;
    }
    throw error;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null | undefined>(undefined);

  const refresh = useCallback(async () => {
    const me = await fetchMe();
    setUser(me);
    return me;
  }, []);

  useEffect(() => {
    // An unreachable server is treated as signed out; pages show their own errors when they load data.
    refresh().catch(() => setUser(null));
  }, [refresh]);

  const signIn = useCallback(
    async (login: string, password: string) => {
      const result = await unwrap(api.POST('/auth/sign-in', { body: { login, password } }));
      // GET /auth/me also hands out the CSRF token for the new session.
      return (await refresh()) ?? result.user;
    },
    [refresh],
  );

  const register = useCallback(
    async (input: RegisterInput) => {
      const result = await unwrap(api.POST('/auth/register', { body: input }));
      return (await refresh()) ?? result.user;
    },
    [refresh],
  );

  const signOut = useCallback(async () => {
    try {
      await unwrap(api.POST('/auth/sign-out'));
    } finally {
      rememberCsrfToken(undefined);
      setUser(null);
    }
  }, []);

  const value = useMemo<Session>(
    () => ({ user, signIn, register, signOut, refresh }),
    [user, signIn, register, signOut, refresh],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
