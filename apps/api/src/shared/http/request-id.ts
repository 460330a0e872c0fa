import { randomUUID } from 'node:crypto';

const MAX_REQUEST_ID = 128;

/** A–Z a–z 0–9 . _ : - (what a log line and a header carry without escaping). */
function isRequestIdChar(code: number): boolean {
  return (
    (code >= 48 && code <= 58) || // 0-9 and :
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    code === 45 || // -
    code === 46 || // .
    code === 95 // _
  );
}

/** Whether a caller's X-Request-Id is 1–128 of A–Z a–z 0–9 . _ : -. */
export function isWellFormedRequestId(value: string): boolean {
  if (value.length === 0 || value.length > MAX_REQUEST_ID) return false;
  for (let i = 0; i < value.length; i++) if (!isRequestIdChar(value.charCodeAt(i))) return false;
  return true;
}

/**
 * The request's id: the caller's X-Request-Id when it is well-formed, so that logs and events
 * correlate across services, or a new UUID.
 */
export function requestIdOf(header: string | string[] | undefined): string {
  return typeof header === 'string' && isWellFormedRequestId(header) ? header : randomUUID();
}
