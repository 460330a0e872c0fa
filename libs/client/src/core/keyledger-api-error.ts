/** A field a validation error names, as `rules[3].pattern`. */
export interface FieldError {
  readonly field: string;
  readonly message: string;
}

/** The SPEC §7 body: `{"error": {"code", "message", "request_id", "fields"?}}`. */
interface ErrorBody {
  readonly error?: {
    readonly code?: unknown;
    readonly message?: unknown;
    readonly request_id?: unknown;
    readonly fields?: unknown;
  };
}

/** A refusal by the service (any non-2xx answer), or an answer the client could not read. */
export class KeyledgerApiError extends Error {
  constructor(
    readonly status: number,
    /** The stable snake_case code (`not_found`, `precondition_failed`, …). */
    readonly code: string,
    message: string,
    /** The service's id of the request, for its logs and audit trail. */
    readonly request_id: string | null,
    /** The fields a validation error names; empty otherwise. */
    readonly fields: readonly FieldError[],
    /** Every response header (`Retry-After`, `X-Error-Code`, `WWW-Authenticate`, …). */
    readonly headers: Headers,
  ) {
    super(message);
    this.name = 'KeyledgerApiError';
  }
}

/**
 * The error a non-2xx answer stands for. A body that is not the SPEC §7 shape (a proxy's HTML
 * page) still gives a usable error: the `X-Error-Code` header, else `http_<status>`.
 */
export function apiErrorFrom(status: number, headers: Headers, text: string): KeyledgerApiError {
  const error = parseErrorBody(text)?.error;
  const code = stringOr(error?.code, headers.get('x-error-code') ?? `http_${status}`);
  const message = stringOr(error?.message, `The service answered ${status}.`);
  return new KeyledgerApiError(
    status,
    code,
    message,
    stringOr(error?.request_id, null),
    fieldErrors(error?.fields),
    headers,
  );
}

function parseErrorBody(text: string): ErrorBody | null {
  try {
    const body: unknown = JSON.parse(text);
    return typeof body === 'object' && body !== null ? (body as ErrorBody) : null;
  } catch {
    return null;
  }
}

function stringOr<F>(value: unknown, fallback: F): string | F {
  return typeof value === 'string' ? value : fallback;
}

function fieldErrors(value: unknown): FieldError[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    const { field, message } = (item ?? {}) as Partial<Record<keyof FieldError, unknown>>;
    return typeof field === 'string' ? [{ field, message: stringOr(message, '') }] : [];
  });
}
