import { KeyledgerApiError } from './keyledger-api-error';

/** A successful answer: the resource, and what the headers say about it (SPEC §8). */
export interface ApiResponse<T> {
  readonly data: T;
  /** 200, 201, 204 — or 202: the write is stored, but reads may not show it yet. */
  readonly status: number;
  /** The `ETag` (`"3"`): pass it back as `ifMatch`. */
  readonly etag: string | null;
  /** The stream revision the ETag names. */
  readonly revision: number | null;
  /** `X-Position`: the global position of the write, for a later read's `minPosition`. */
  readonly position: number | null;
  /** Every response header, for what the client does not model (`Cache-Control`, …). */
  readonly headers: Headers;
}

/** What an answer's status and headers say, without its body. */
export type ResponseMeta = Omit<ApiResponse<unknown>, 'data'>;

/** Reads the status, `ETag` and `X-Position` of a response. */
export function responseMeta(status: number, headers: Headers): ResponseMeta {
  const etag = headers.get('etag');
  const revision = etag === null ? null : /^(?:W\/)?"(\d+)"$/.exec(etag.trim());
  const position = headers.get('x-position')?.trim() ?? '';
  return {
    status,
    etag,
    revision: revision ? Number(revision[1]) : null,
    position: /^\d+$/.test(position) ? Number(position) : null,
    headers,
  };
}

/**
 * Lifts an `{ data, …rest }` envelope into the response: `data` becomes the resource and the
 * envelope's other members (`secret`, `next_cursor`) sit beside it. An answer without the
 * envelope is an `invalid_response` error, not a TypeError deep inside the caller.
 */
export function unwrap<E extends { readonly data: unknown }>(
  response: ApiResponse<E>,
): ApiResponse<E['data']> & Omit<E, 'data'> {
  const { data: envelope, ...meta } = response;
  if (typeof envelope !== 'object' || envelope === null || !('data' in envelope)) {
    throw new KeyledgerApiError(
      meta.status,
      'invalid_response',
      `The service answered ${meta.status} without the { data } envelope.`,
      null,
      [],
      meta.headers,
    );
  }
  return { ...envelope, ...meta, data: envelope.data };
}
