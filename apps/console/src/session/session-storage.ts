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

/** An organization the token says its holder belongs to, with their permissions there (SPEC §1). */
export interface Membership {
  readonly id: string;
  readonly permissions: readonly string[];
}

/** What the console reads from a session token, for display and to offer only allowed actions. */
export interface TokenClaims {
  readonly subject: string | null;
  /** The active organization, if the token names one. */
  readonly activeOrg: string | null;
  readonly orgs: readonly Membership[];
}

const NO_CLAIMS: TokenClaims = { subject: null, activeOrg: null, orgs: [] };

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

function memberships(value: unknown): Membership[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    const { id, permissions } = (item ?? {}) as { id?: unknown; permissions?: unknown };
    if (typeof id !== 'string') return [];
    const granted = Array.isArray(permissions)
      ? permissions.filter((p): p is string => typeof p === 'string')
      : [];
    return [{ id, permissions: granted }];
  });
}

/**
 * The claims of a JWT (`sub`, `org_id`, `orgs`), read without verifying it: the API verifies and
 * decides every call; the console only shows and offers what the token says.
 */
export function tokenClaims(token: string): TokenClaims {
  const payload = token.split('.')[1];
  if (payload === undefined) return NO_CLAIMS;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const claims = JSON.parse(json) as { sub?: unknown; org_id?: unknown; orgs?: unknown };
    return {
      subject: text(claims.sub),
      activeOrg: text(claims.org_id),
      orgs: memberships(claims.orgs),
    };
  } catch {
    return NO_CLAIMS;
  }
}
