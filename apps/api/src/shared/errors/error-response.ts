import { PreconditionFailedError } from '@keyledger/commands';
import { DomainError, DomainErrorCode, FieldError } from '@keyledger/domain';
import {
  EventStoreError,
  EventStoreErrorKind,
  WrongExpectedRevisionError,
} from '@keyledger/event-store';
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
  policy_violation: 400,
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

/** Seconds a client should wait before retrying what the event store could not do just now. */
const STORE_RETRY_AFTER_S = 1;

/**
 * The event store's typed failures. Retryable ones are 503 with `Retry-After`; the request was
 * fine, so none is a 4xx unless the request itself caused it (a change too large to store).
 */
const storeRefusals: Readonly<
  Record<EventStoreErrorKind, { status: number; code: string; message: string; retry: boolean }>
> = {
  deadline_exceeded: {
    status: 503,
    code: 'event_store_timeout',
    message:
      'The event store did not answer in time. A change may have been stored: read it back, or retry with the same Idempotency-Key or If-Match.',
    retry: true,
  },
  unavailable: {
    status: 503,
    code: 'event_store_unavailable',
    message: 'The event store is unavailable; retry shortly.',
    retry: true,
  },
  not_leader: {
    status: 503,
    code: 'event_store_unavailable',
    message: 'The event store is changing leader; retry shortly.',
    retry: true,
  },
  stream_deleted: {
    status: 410,
    code: 'stream_deleted',
    message: "This resource's history was deleted from the event store by an operator.",
    retry: false,
  },
  max_append_size: {
    status: 413,
    code: 'payload_too_large',
    message: 'The change is larger than the event store accepts in one write.',
    retry: false,
  },
  access_denied: {
    status: 503,
    code: 'event_store_access_denied',
    message: 'The service is refused by its event store; an operator must fix its credentials.',
    retry: false,
  },
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
  if (error instanceof PreconditionFailedError) {
    return {
      status: 412,
      code: 'precondition_failed',
      message: 'If-Match does not match the current revision; read it again.',
      fields: [],
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
  if (error instanceof EventStoreError) {
    const { retry, ...refusal } = storeRefusals[error.kind];
    const headers: Record<string, string> = retry
      ? { 'Retry-After': String(STORE_RETRY_AFTER_S) }
      : {};
    return { ...refusal, fields: [], headers };
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
