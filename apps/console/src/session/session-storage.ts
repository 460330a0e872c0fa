/** Who is signed in: the bearer token the API accepts, and how it was obtained. */
export interface Session {
  readonly token: string;
  readonly source: 'token' | 'oidc';
}

// sessionStorage, never localStorage: the token dies with the tab and is not shared across tabs.
const SESSION = 'keyledger.console.session';

/** The session of this tab, if any. */
export function loadSession(): Session | null {
  const stored = sessionStorage.getItem(SESSION);
  if (stored === null) return null;
  try {
    const session = JSON.parse(stored) as Partial<Session>;
    return typeof session.token === 'string' &&
      (session.source === 'token' || session.source === 'oidc')
      ? { token: session.token, source: session.source }
      : null;
  } catch {
    return null;
  }
}

/** Keeps the session for this tab. */
export function saveSession(session: Session): void {
  sessionStorage.setItem(SESSION, JSON.stringify(session));
}

/** Forgets the session. */
export function clearSession(): void {
  sessionStorage.removeItem(SESSION);
}

/** The `sub` claim of a JWT, read without verifying it (the API verifies): for display only. */
export function tokenSubject(token: string): string | null {
  const payload = token.split('.')[1];
  if (payload === undefined) return null;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const claims = JSON.parse(json) as { sub?: unknown };
    return typeof claims.sub === 'string' ? claims.sub : null;
  } catch {
    return null;
  }
}
