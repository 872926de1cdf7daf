import { api, type LoginBody, type Me, type RegisterBody } from '@spotlight/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, type ReactNode } from 'react';
import i18next from 'i18next';
import { socketClient } from '../socket';
import { apiCall, isApiError } from '../../lib/api/client';
import { chooseLanguage, currentLanguage } from '../../lib/i18n';
import { authKeys, fetchMe } from './queries';
import { endSession, sessionNotice } from './session';

/**
 * - `loading`: asking the server who we are;
 * - `offline`: could not ask (no network); the shell says so and retries when back online;
 * - `error`: the server answered with a failure (retry offered);
 * - `anonymous` / `authenticated`: known.
 */
export type AuthStatus = 'loading' | 'offline' | 'error' | 'anonymous' | 'authenticated';

interface AuthValue {
  user: Me | null;
  status: AuthStatus;
  error: unknown;
  retry(): void;
  login(body: LoginBody): Promise<Me>;
  register(body: RegisterBody): Promise<Me>;
  logout(options?: { everywhere?: boolean }): Promise<void>;
  /** Deletes the account (the password asked again), then forgets it here as a logout does. */
  deleteAccount(password: string): Promise<void>;
}

const AuthContext = createContext<AuthValue | undefined>(undefined);

/** The session is the httpOnly cookie; this context only mirrors GET /api/auth/session. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const me = useQuery({
    queryKey: authKeys.me,
    queryFn: ({ signal }) => fetchMe(signal),
    staleTime: 5 * 60_000,
  });
  const user = me.data ?? null;
  const userId = user?.id;

  useEffect(() => {
    if (userId !== undefined) socketClient.start(userId);
    else if (me.data === null) socketClient.stop();
  }, [userId, me.data]);

  // The account's language follows the dancer to every device (and this one remembers it).
  const accountLanguage = user?.language;
  useEffect(() => {
    if (accountLanguage && accountLanguage !== currentLanguage())
      void chooseLanguage(accountLanguage);
  }, [accountLanguage]);

  useEffect(
    () => socketClient.on('sessionEnded', ({ reason }) => endSession(queryClient, reason)),
    [queryClient],
  );

  const signedIn = useCallback(
    (session: { user: Me }) => {
      sessionNotice.set(undefined);
      queryClient.setQueryData(authKeys.me, session.user);
      return session.user;
    },
    [queryClient],
  );

  const login = useCallback(
    async (body: LoginBody) => signedIn(await apiCall(api.auth.login, { body })),
    [signedIn],
  );
  const register = useCallback(
    async (body: RegisterBody) =>
      signedIn(
        await apiCall(api.auth.register, { body: { language: currentLanguage(), ...body } }),
      ),
    [signedIn],
  );
  /**
   * Ends the session from here: the socket stops first, so that our own ending does not come
   * back as "signed out elsewhere" through session_ended; then every user's data is forgotten.
   * A request that fails for another reason than the session (offline) restarts the socket and
   * is shown; one refused because the session already ended finishes here too.
   */
  const endHere = useCallback(
    async (request: () => Promise<unknown>) => {
      socketClient.stop();
      try {
        await request();
      } catch (error) {
        if (!isApiError(error) || !error.isAuthError) {
          if (userId !== undefined) socketClient.start(userId);
          throw error;
        }
      }
      if (userId !== undefined) socketClient.discardOutbox(userId);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'auth' });
      queryClient.setQueryData(authKeys.me, null);
    },
    [queryClient, userId],
  );
  const logout = useCallback(
    ({ everywhere = false }: { everywhere?: boolean } = {}) =>
      endHere(() => apiCall(everywhere ? api.auth.logoutAll : api.auth.logout)),
    [endHere],
  );
  const deleteAccount = useCallback(
    async (password: string) => {
      await endHere(() => apiCall(api.users.deleteMe, { body: { password } }));
      sessionNotice.set(i18next.t('shared.session.deleted'));
    },
    [endHere],
  );

  const unreachable = isApiError(me.error) && me.error.code === 'network_error';
  const status: AuthStatus =
    me.data !== undefined
      ? me.data
        ? 'authenticated'
        : 'anonymous'
      : me.fetchStatus === 'paused' || unreachable
        ? 'offline'
        : me.error
          ? 'error'
          : 'loading';

  const { error, refetch } = me;
  const value = useMemo<AuthValue>(
    () => ({
      user,
      status,
      error,
      retry: () => void refetch(),
      login,
      register,
      logout,
      deleteAccount,
    }),
    [user, status, error, refetch, login, register, logout, deleteAccount],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

/** The signed-in user, for pages behind RequireAuth. */
export function useMe(): Me {
  const { user } = useAuth();
  if (!user) throw new Error('useMe without a signed-in user');
  return user;
}
