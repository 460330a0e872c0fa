import { FieldError } from '@keyledger/domain';
import { ErrorResponse } from '../shared/errors/error-response';

/**
 * OpenRouter's error body: `code` is the HTTP status as a number. Keyledger's own code, the
 * request id and any field errors travel in `metadata`, which OpenRouter leaves free-form.
 */
export interface OpenRouterErrorBody {
  readonly error: {
    readonly code: number;
    readonly message: string;
    readonly metadata: {
      readonly error_code: string;
      readonly request_id: string;
      readonly fields?: readonly FieldError[];
    };
  };
}

export interface OpenRouterErrorResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: OpenRouterErrorBody;
}

/** OpenRouter deletes keys where keyledger revokes them: a revoked key is simply not there. */
const DELETED = { status: 404, code: 'not_found', message: 'Key not found.' } as const;

/**
 * Translates a SPEC §7 error response to OpenRouter's shape. The status is kept (and repeated
 * in `error.code`), as are the headers (`X-Error-Code`, `Retry-After`, `WWW-Authenticate`).
 */
export function toOpenRouterError(response: ErrorResponse): OpenRouterErrorResponse {
  const { code, message, request_id, fields } = response.body.error;
  const refusal = code === 'key_revoked' ? DELETED : { status: response.status, code, message };
  return {
    status: refusal.status,
    headers: { ...response.headers, 'X-Error-Code': refusal.code },
    body: {
      error: {
        code: refusal.status,
        message: refusal.message,
        metadata: {
          error_code: refusal.code,
          request_id,
          ...(fields && fields.length > 0 ? { fields } : {}),
        },
      },
    },
  };
}
