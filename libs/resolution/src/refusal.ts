/** Why resolution refused a request (SPEC §5). */
export type RefusalCode =
  | 'invalid_api_key'
  | 'key_disabled'
  | 'key_expired'
  | 'insufficient_scope'
  | 'model_not_allowed'
  | 'limit_exceeded'
  | 'request_limit_exceeded'
  | 'policy_violation'
  | 'ip_not_allowed'
  | 'rate_limited';

/** The HTTP status of each refusal: 401 not authenticated, 403 not allowed, 429 not now. */
export const REFUSAL_STATUS: { readonly [C in RefusalCode]: 401 | 403 | 429 } = {
  invalid_api_key: 401,
  key_disabled: 403,
  key_expired: 401,
  insufficient_scope: 403,
  model_not_allowed: 403,
  limit_exceeded: 429,
  request_limit_exceeded: 429,
  policy_violation: 403,
  ip_not_allowed: 403,
  rate_limited: 429,
};

import { WindowVerdict } from './sliding-window';

/** Every refusal code, in a fixed order: the index a usage batch counts a refusal under. */
export const REFUSAL_CODES = Object.keys(REFUSAL_STATUS) as readonly RefusalCode[];

/** A refused resolution or usage report, as a value: the hot path throws nothing. */
export interface Refusal {
  readonly ok: false;
  readonly code: RefusalCode;
  readonly status: 401 | 403 | 429;
  readonly message: string;
  /** Seconds until a retry can succeed (`Retry-After`); null when waiting will not help. */
  readonly retry_after: number | null;
  /** For `rate_limited`: the limit that refused, for the X-RateLimit headers. */
  readonly rate_limit?: WindowVerdict;
}

/** A refusal with its status. */
export const refuse = (
  code: RefusalCode,
  message: string,
  retryAfter: number | null = null,
): Refusal => ({ ok: false, code, status: REFUSAL_STATUS[code], message, retry_after: retryAfter });

/** Unknown, revoked and malformed secrets answer alike, so a caller learns nothing about which. */
export const INVALID_API_KEY: Refusal = refuse('invalid_api_key', 'The API key is not valid.');
