import { DomainError, DomainErrorCode, FieldError } from '@keyledger/domain';
import { WrongExpectedRevisionError } from '@keyledger/event-store';
import { ApiError } from './api-error';

/** The SPEC §7 error body. */
export interface ErrorBody {
  readonly error: {
    readonly code: string;
    readonly message: string;
    readonly request_id: string;
    readonly fields?: readonly FieldError[];
  };
}

export interface ErrorResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: ErrorBody;
}

const domainStatus: Readonly<Record<DomainErrorCode, number>> = {
  validation_failed: 400,
  not_found: 404,
  forbidden: 403,
  key_revoked: 409,
  already_exists: 409,
  routing_preference_not_bindable: 400,
  routing_preference_deleted: 409,
};

/** Status codes Fastify and Nest raise for malformed HTTP, under our stable codes. */
const httpCodes: Readonly<Record<number, string>> = {
  400: 'bad_request',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'too_many_requests',
};

interface Refusal {
  status: number;
  code: string;
  message: string;
  fields: readonly FieldError[];
  headers: Readonly<Record<string, string>>;
}

function classify(error: unknown): Refusal {
  if (error instanceof ApiError) return { ...error, message: error.message };
  if (error instanceof DomainError) {
    return {
      status: domainStatus[error.code],
      code: error.code,
      message: error.message,
      fields: error.fields,
      headers: {},
    };
  }
  if (error instanceof WrongExpectedRevisionError) {
    return {
      status: 409,
      code: 'revision_conflict',
      message: 'The resource changed while this request was processed; read it again and retry.',
      fields: [],
      headers: {},
    };
  }
  const status = httpStatusOf(error);
  if (status !== null && status >= 400 && status < 500) {
    return {
      status,
      code: httpCodes[status] ?? 'bad_request',
      message: error instanceof Error ? error.message : 'Bad request.',
      fields: [],
      headers: {},
    };
  }
  return {
    status: 500,
    code: 'internal_error',
    message: 'An unexpected error occurred.',
    fields: [],
    headers: {},
  };
}

/** Fastify errors carry `statusCode`, Nest's HttpException `getStatus()`. */
function httpStatusOf(error: unknown): number | null {
  if (typeof error !== 'object' || error === null) return null;
  const candidate = error as { statusCode?: unknown; getStatus?: unknown };
  if (typeof candidate.getStatus === 'function') return Number(candidate.getStatus());
  if (typeof candidate.statusCode === 'number') return candidate.statusCode;
  return null;
}

/** Maps any thrown value to the status, headers and SPEC §7 body the client receives. */
export function toErrorResponse(error: unknown, requestId: string): ErrorResponse {
  const refusal = classify(error);
  const body: ErrorBody = {
    error: {
      code: refusal.code,
      message: refusal.message,
      request_id: requestId,
      ...(refusal.fields.length > 0 ? { fields: refusal.fields } : {}),
    },
  };
  return {
    status: refusal.status,
    headers: { ...refusal.headers, 'X-Error-Code': refusal.code },
    body,
  };
}
