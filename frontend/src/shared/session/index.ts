/** The session: who is signed in (GET /api/auth/session), sign in and out, and why it ended. */
export { AuthProvider, useAuth, useMe, type AuthStatus } from './AuthContext';
export { authKeys, fetchMe } from './queries';
export { endSession, nextPath, sessionNotice } from './session';
export { useResendVerification } from './useResendVerification';
