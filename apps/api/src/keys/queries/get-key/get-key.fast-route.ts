import { DocumentedSerializer } from '../../../openapi/openapi-serializers';
import { GetRoute } from '../../../shared/http/fast-listener/fast-route';
import { passReadGuards, ReadGuards } from '../../../shared/http/fast-listener/read-guards';
import { readHeaders } from '../../../shared/http/answers';
import { GetKeyHandler, GetKeyQuery } from './get-key.handler';

/** What the route runs: the same pieces, in the same order, as its Nest controller. */
export interface GetKeyFastRouteParts {
  readonly guards: ReadGuards;
  readonly handler: GetKeyHandler;
  /** The controller's documented serializer (`{ data: Key }`). */
  readonly serialize: DocumentedSerializer;
}

const PREFIX = '/api/v1/keys/';
/** What a key id or hash is made of: a path segment of these needs no decoding. */
const ID = /^[\w-]{1,128}$/;

/**
 * `GET /api/v1/keys/{id}` on the fast listener: the controller's guards (authentication, then
 * X-Min-Position), its query handler and its answer (`{ data: Key }` with the ETag), without
 * Fastify's and Nest's per-request pipeline. An id with any other character goes to Fastify.
 */
export function getKeyFastRoute(parts: GetKeyFastRouteParts): GetRoute {
  return {
    pattern: `${PREFIX}:id`,
    match: (path) => {
      if (!path.startsWith(PREFIX)) return undefined;
      const id = path.slice(PREFIX.length);
      return ID.test(id) ? id : undefined;
    },
    answer: async (request, id) => {
      const principal = await passReadGuards(parts.guards, request);
      const key = await parts.handler.execute(new GetKeyQuery(principal, id));
      return {
        status: 200,
        payload: parts.serialize({ data: key.data }),
        headers: readHeaders(key),
      };
    },
  };
}
