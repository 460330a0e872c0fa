import { FieldError } from '@keyledger/domain';

/** A refusal decided at the edge (authentication, preconditions, malformed HTTP). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: readonly FieldError[] = [],
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const authenticationRequired = (): ApiError =>
  new ApiError(401, 'authentication_required', 'Send a bearer token or an API key.', [], {
    'WWW-Authenticate': 'Bearer',
  });

export const invalidToken = (why: string): ApiError =>
  new ApiError(401, 'invalid_token', `The bearer token was refused: ${why}.`, [], {
    'WWW-Authenticate': 'Bearer error="invalid_token"',
  });
