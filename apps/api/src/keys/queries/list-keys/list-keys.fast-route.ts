import { parse } from 'fast-querystring';
import { GetRoute } from '../../../shared/http/fast-listener/fast-route';
import { passReadGuards, ReadGuards } from '../../../shared/http/fast-listener/read-guards';
import { KeyPageBody } from './key-page-body';
import { ListKeyDocumentsHandler, ListKeyDocumentsQuery } from './list-keys.handler';
import { ListKeysInput } from './list-keys.input';
import { plainListQuery } from './plain-list-query';

/** What the route runs: the same pieces, in the same order, as its Nest controller. */
export interface ListKeysFastRouteParts {
  readonly guards: ReadGuards;
  /** The controller's query validation (the pipe over ListKeysRequestDto), refusals included. */
  readonly validate: (query: unknown) => Promise<ListKeysInput>;
  readonly handler: ListKeyDocumentsHandler;
  readonly body: KeyPageBody;
}

const PATH = '/api/v1/keys';

/**
 * `GET /api/v1/keys` on the fast listener: the controller's guards, its query validation, its
 * query handler and its body (KeyPageBody), without Fastify's and Nest's per-request pipeline.
 * The query is parsed as Fastify's router parses it; a plainly valid one (plainListQuery) is
 * used as it is, any other goes through the controller's own validation pipe and DTO.
 */
export function listKeysFastRoute(parts: ListKeysFastRouteParts): GetRoute {
  return {
    pattern: PATH,
    match: (path) => (path === PATH ? '' : undefined),
    answer: async (request) => {
      const principal = await passReadGuards(parts.guards, request);
      const query = queryOf(request.url ?? PATH);
      const filters = plainListQuery(query) ?? (await parts.validate(query));
      const page = await parts.handler.execute(new ListKeyDocumentsQuery(principal, filters));
      return { status: 200, payload: parts.body.of(page), headers: null };
    },
  };
}

/** The query as Fastify's router (find-my-way) hands it on: `{}` when empty, else parsed. */
function queryOf(url: string): Record<string, unknown> {
  const text = url.slice(PATH.length + 1);
  return text.length === 0 ? {} : (parse(text) as Record<string, unknown>);
}
