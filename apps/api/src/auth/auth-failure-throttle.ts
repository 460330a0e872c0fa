import { ApiError } from '../shared/errors/api-error';

/** How many authentication failures one client address may make, and how much memory that takes. */
export interface AuthFailureLimits {
  /** Failures allowed in one window; the next attempt is refused until the window ends. */
  readonly maxFailures: number;
  readonly windowMs: number;
  /** Addresses remembered at once: a flood of distinct addresses cannot grow the map without bound. */
  readonly maxTrackedClients: number;
}

/** 20 failures a minute: far above a misconfigured client's retries, far below a guessing rate. */
export const DEFAULT_AUTH_FAILURE_LIMITS: AuthFailureLimits = {
  maxFailures: 20,
  windowMs: 60_000,
  maxTrackedClients: 10_000,
};

interface FailureWindow {
  readonly startedAt: number;
  failures: number;
}

/**
 * Counts failed authentications per client address in fixed windows that open at the first
 * failure. In memory and per instance: behind N instances a client gets up to N × maxFailures
 * attempts per window, which is still a rate limit, not a lockout of the credential itself.
 */
export class AuthFailureThrottle {
  private readonly windows = new Map<string, FailureWindow>();

  constructor(
    private readonly limits: AuthFailureLimits,
    private readonly now: () => number,
  ) {}

  /** Whole seconds until `client` may try again; 0 while it is below the limit. */
  retryAfterSeconds(client: string): number {
    const window = this.liveWindow(client);
    if (!window || window.failures < this.limits.maxFailures) return 0;
    return Math.max(1, Math.ceil((window.startedAt + this.limits.windowMs - this.now()) / 1000));
  }

  /** Counts one failed authentication from `client`. */
  recordFailure(client: string): void {
    const window = this.liveWindow(client);
    if (window) {
      window.failures += 1;
      return;
    }
    this.makeRoom();
    this.windows.set(client, { startedAt: this.now(), failures: 1 });
  }

  private liveWindow(client: string): FailureWindow | undefined {
    const window = this.windows.get(client);
    if (window && this.expired(window)) {
      this.windows.delete(client);
      return undefined;
    }
    return window;
  }

  private expired(window: FailureWindow): boolean {
    return this.now() - window.startedAt >= this.limits.windowMs;
  }

  /** Drops expired windows, then, if still full, the oldest: forgetting beats unbounded memory. */
  private makeRoom(): void {
    if (this.windows.size < this.limits.maxTrackedClients) return;
    for (const [client, window] of this.windows) {
      if (this.expired(window)) this.windows.delete(client);
    }
    const oldest = this.windows.keys().next();
    if (this.windows.size >= this.limits.maxTrackedClients && !oldest.done) {
      this.windows.delete(oldest.value);
    }
  }
}

/** The refusal a throttled client gets, with the seconds to wait in `Retry-After`. */
export const tooManyAuthFailures = (retryAfterSeconds: number): ApiError =>
  new ApiError(
    429,
    'too_many_auth_failures',
    'Too many failed authentication attempts from this address; retry later.',
    [],
    { 'Retry-After': String(retryAfterSeconds) },
  );

/** The failures that count: a credential was presented and did not verify. */
export const isAuthenticationFailure = (error: unknown): boolean =>
  error instanceof ApiError && (error.code === 'invalid_token' || error.code === 'invalid_api_key');
