import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import * as authApi from '../api/auth';
import { ApiError, setCsrfToken, setSessionHandler } from '../api/client';
import type { TPermission, TUser } from '../api/types';
import { useLocale } from '../i18n/I18nProvider';

type TSessionState =
  | { status: 'loading' }
  | { status: 'failed'; error: ApiError }
  | { status: 'ready'; user: TUser | null; expired: boolean };

type TSessionContext = {
  state: TSessionState;
  /** Signs in; the UI language then follows the user's saved language. Throws ApiError. */
  login: (username: string, password: string) => Promise<TUser>;
  logout: () => Promise<void>;
  /** Reloads the session from the server (after a password change, for instance). */
  refresh: () => Promise<void>;
  /** Updates the signed-in user locally (after a saved change such as the language). */
  patchUser: (patch: Partial<TUser>) => void;
};

const SessionContext = createContext<TSessionContext | null>(null);

export const SessionProvider = ({ children }: { children: ReactNode }) => {
  const [state, setState] = useState<TSessionState>({ status: 'loading' });
  const { setLocale } = useLocale();

  const applySession = useCallback(
    (user: TUser | null, csrfToken: string | null) => {
      setCsrfToken(csrfToken);
      if (user) setLocale(user.locale);
      setState({ status: 'ready', user, expired: false });
    },
    [setLocale],
  );

  const refresh = useCallback(async () => {
    try {
      const session = await authApi.getSession();
      applySession(session.user, session.csrfToken);
    } catch (error) {
      setState({ status: 'failed', error: error instanceof ApiError ? error : new ApiError(0, 'NETWORK_ERROR', String(error)) });
    }
  }, [applySession]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(() => {
    setSessionHandler((event) => {
      if (event === 'passwordChangeRequired') {
        void refresh();
        return;
      }
      setCsrfToken(null);
      setState({ status: 'ready', user: null, expired: true });
    });
    return () => setSessionHandler(null);
  }, [refresh]);

  const login = useCallback(
    async (username: string, password: string) => {
      const response = await authApi.login(username, password);
      applySession(response.user, response.csrfToken);
      return response.user;
    },
    [applySession],
  );

  const logout = useCallback(async () => {
    try {
      await authApi.logout();
    } finally {
      setCsrfToken(null);
      setState({ status: 'ready', user: null, expired: false });
    }
  }, []);

  const patchUser = useCallback((patch: Partial<TUser>) => {
    setState((previous) => (previous.status === 'ready' && previous.user ? { ...previous, user: { ...previous.user, ...patch } } : previous));
  }, []);

  const value = useMemo(() => ({ state, login, logout, refresh, patchUser }), [state, login, logout, refresh, patchUser]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
};

export const useSession = (): TSessionContext => {
  const context = useContext(SessionContext);
  if (!context) throw new Error('useSession must be used inside <SessionProvider>');
  return context;
};

/** The signed-in user; only for components rendered behind RequireAuth. */
export const useUser = (): TUser => {
  const { state } = useSession();
  if (state.status !== 'ready' || !state.user) throw new Error('useUser needs a signed-in user');
  return state.user;
};

export const hasPermission = (user: TUser, permission: TPermission): boolean => user.permissions.includes(permission);
