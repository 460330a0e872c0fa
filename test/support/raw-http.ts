import { request } from 'node:http';
import { Exchange } from './http';

/** A request as sent on the wire: repeated headers and raw (latin-1) bytes allowed. */
export interface RawRequest {
  readonly method: string;
  /** Sent as given: already percent-encoded, or deliberately malformed. */
  readonly path: string;
  readonly headers?: Readonly<Record<string, string | readonly string[]>>;
  readonly body?: string | Buffer;
}

/**
 * Sends a request with node:http rather than fetch, which refuses the malformed headers and
 * paths hostile clients send. A body that is not JSON comes back as its text.
 */
export function rawRequest(baseUrl: string, raw: RawRequest): Promise<Exchange<unknown>> {
  // Node sends a GET or DELETE body without a length unless told one: the server would read it
  // as the next request.
  const length = raw.body === undefined ? {} : { 'content-length': Buffer.byteLength(raw.body) };
  const headers = { ...length, ...raw.headers } as Record<string, string | string[] | number>;
  return new Promise((resolve, reject) => {
    const outgoing = request(
      `${baseUrl}${raw.path}`,
      { method: raw.method, headers },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const headers = new Headers();
          for (const [name, value] of Object.entries(response.headers)) {
            for (const one of [value ?? []].flat()) headers.append(name, one);
          }
          resolve({ status: response.statusCode ?? 0, headers, body: parseJson(text) });
        });
      },
    );
    outgoing.on('error', reject);
    outgoing.end(raw.body);
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
