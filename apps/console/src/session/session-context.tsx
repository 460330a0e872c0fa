import { KeyledgerClient } from '@keyledger/client';
import { useQueryClient } from '@tanstack/react-query';
import { createContext, ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import {
  clearSession,
  loadSession,
  saveSession,
  Session,
  TokenClaims,
  tokenClaims,
} from './session-storage';

interface SessionState {
  readonly session: Session | null;
  /** Who the token says is signed in (display only). */
  readonly subject: string | null;
  /** What the token says of its holder: who, and in which orgs with which permissions. */
  readonly claims: TokenClaims;
  readonly client: KeyledgerClient | null;
  signIn(session: Session): void;
  signOut(): void;
}

const SessionContext = createContext<SessionState | null>(null);

/** Holds the session and the API client made for it. */
export function SessionProvider({ children }: { readonly children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(loadSession);
  const queries = useQueryClient();
  const signIn = useCallback((next: Session) => {
    saveSession(next);
    setSession(next);
  }, []);
  const signOut = useCallback(() => {
    clearSession();
    // Nothing the last user could see survives in memory.
    queries.clear();
    setSession(null);
  }, [queries]);
  const value = useMemo<SessionState>(() => {
    const claims = tokenClaims(session?.token ?? '');
    return {
      session,
      subject: claims.subject,
      claims,
      client:
        session &&
        new KeyledgerClient({ baseUrl: window.location.origin, auth: { bearer: session.token } }),
      signIn,
      signOut,
    };
  }, [session, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The session state; only inside SessionProvider. */
export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (state === null) throw new Error('useSession outside SessionProvider');
  return state;
}

/** The API client of the signed-in user; only on pages behind sign-in. */
export function useClient(): KeyledgerClient {
  const { client } = useSession();
  if (client === null) throw new Error('useClient without a session');
  return client;
}
