import { ErrorResponse } from './error-response';

/** An error response as one API surface answers it (the canonical SPEC §7 body, or another's). */
export interface ShapedErrorResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

/** Picks the shape of an error answer by the request's URL: compatible surfaces have their own. */
export type ErrorShapeFor = (url: string) => (response: ErrorResponse) => ShapedErrorResponse;

/** The SPEC §7 body as it is. */
export const canonicalError = (response: ErrorResponse): ShapedErrorResponse => response;

/** The canonical shape everywhere. */
export const CANONICAL_ERRORS: ErrorShapeFor = () => canonicalError;
