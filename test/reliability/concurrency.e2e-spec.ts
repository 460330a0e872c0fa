import { randomUUID } from 'node:crypto';
import { keyStream } from '@keyledger/domain';
import { call, Exchange } from '../support/http';
import { derivedFields, derivedFieldsOfFold, foldKey } from '../support/key-fold';
import { findRoute, openApiRoutes, Route } from '../support/openapi-routes';
import { envCount } from '../support/scale';
import { expectSpecError } from '../support/spec-error';
import { storedEvents } from '../support/stored-events';
import { startTestApp, TestApp } from '../support/test-app';

const CLIENTS = envCount('CONCURRENT_CLIENTS', 50);
/** How often the whole race is run on a fresh key. */
const ROUNDS = envCount('CONCURRENCY_ROUNDS', 1);

/** One conflicting command, as one client sends it. */
interface Contender {
  readonly method: string;
  readonly path: string;
  readonly body?: unknown;
}

/** The refusals a lost race may get: a conflict, a stale If-Match, or a key revoked meanwhile. */
const RACE_REFUSALS = ['revision_conflict', 'precondition_failed', 'key_revoked'];

describe(`concurrency: ${CLIENTS} clients, conflicting commands, one key`, () => {
  let app: TestApp;
  let alice: string;
  let routes: Route[];

  beforeAll(async () => {
    app = await startTestApp();
    alice = await app.token('alice');
    routes = await openApiRoutes(app.baseUrl);
  });
  afterAll(() => app.close());

  /** Every kind of key command the service has now but revoke; absent routes are named and skipped. */
  async function changes(keyPath: string): Promise<Contender[]> {
    const kinds: Contender[][] = [];
    const patch = findRoute(routes, 'PATCH', '/api/v1/keys/{id}');
    if (patch) kinds.push(patchContenders(keyPath, patch.bodyFields));
    else console.info('PATCH /api/v1/keys/{id} is not in /openapi.json yet: no PATCH contenders');
    if (findRoute(routes, 'PUT', '/api/v1/keys/{id}/routing-preference')) {
      kinds.push(await bindingContenders(`${keyPath}/routing-preference`));
    } else {
      console.info(
        'PUT /api/v1/keys/{id}/routing-preference is not there yet: no binding contenders',
      );
    }
    return kinds.flat();
  }

  function patchContenders(keyPath: string, fields: readonly string[]): Contender[] {
    const bodies: Record<string, unknown>[] = [
      { name: 'renamed-a' },
      { name: 'renamed-b' },
      { disabled: true },
      { disabled: false },
      { limit: 5 },
      { limit: null },
    ].filter((body) => Object.keys(body).every((field) => fields.includes(field)));
    return bodies.map((body) => ({ method: 'PATCH', path: keyPath, body }));
  }

  async function bindingContenders(bindingPath: string): Promise<Contender[]> {
    const preference = async (name: string) =>
      (
        await call<{ data: { id: string } }>(app.baseUrl, 'POST', '/api/v1/routing-preferences', {
          auth: alice,
          body: { name },
        })
      ).body.data.id;
    const ids = [await preference(`p-${randomUUID()}`), await preference(`p-${randomUUID()}`)];
    return [...ids, null].map((preference_id) => ({
      method: 'PUT',
      path: bindingPath,
      body: { preference_id },
    }));
  }

  it.each(Array.from({ length: ROUNDS }, (_, round) => round + 1))(
    'round %i: no 5xx, refusals are 409/412, the stream holds exactly the acknowledged writes, and GET equals its fold',
    async () => {
      const created = await call<{ data: { id: string } }>(app.baseUrl, 'POST', '/api/v1/keys', {
        auth: alice,
        body: { name: 'contested' },
      });
      const keyId = created.body.data.id;
      const keyPath = `/api/v1/keys/${keyId}`;
      const revoke: Contender = { method: 'DELETE', path: keyPath };
      const others = await changes(keyPath);
      // The creation ETag: every client sending it races for the one next revision.
      const stale = created.headers.get('etag') ?? '';

      const sent = Array.from({ length: CLIENTS }, (_, client) => ({
        requestId: `race-${keyId}-${client}`,
        contender:
          client === CLIENTS - 1 || others.length === 0 ? revoke : others[client % others.length],
        ifMatch: client % 3 === 0 ? stale : undefined,
      }));
      const send = ({ requestId, contender, ifMatch }: (typeof sent)[number]) =>
        call(app.baseUrl, contender.method, contender.path, {
          auth: alice,
          body: contender.body,
          headers: { 'x-request-id': requestId, ...(ifMatch ? { 'if-match': ifMatch } : {}) },
        });
      const changing = sent.slice(0, -1).map(send);
      // The revoke joins halfway: sent with the others, it wins before most of them decide.
      await whenSettled(changing, Math.floor(changing.length / 2));
      const answers: Exchange[] = await Promise.all([...changing, send(sent[sent.length - 1])]);

      const refusals = answers.filter((answer) => answer.status >= 300);
      expect(
        refusals.map((answer) => answer.status).filter((s) => ![409, 412].includes(s)),
      ).toEqual([]);
      expect(refusals.map(expectSpecError).filter((code) => !RACE_REFUSALS.includes(code))).toEqual(
        [],
      );

      const stream = storedEvents(app.dataDir).filter((e) => e.stream === keyStream(keyId));
      const wrote = sent
        .filter((_, i) => answers[i].status < 300 && answers[i].headers.get('x-position') !== null)
        .map(({ requestId }) => requestId)
        .sort();
      const writers = [...new Set(stream.slice(1).map((e) => e.metadata.request_id))].sort();
      expect(writers).toEqual(wrote);

      const shown = await call<{ data: Record<string, unknown> }>(
        app.baseUrl,
        'GET',
        `/api/v1/keys/${keyId}`,
        { auth: alice },
      );
      expect(derivedFields(shown.body.data)).toEqual(derivedFieldsOfFold(foldKey(stream)));
      console.info(
        `concurrency: ${JSON.stringify({
          clients: CLIENTS,
          commands: [
            ...new Set(
              [revoke, ...others].map((k) => `${k.method} ${JSON.stringify(k.body ?? null)}`),
            ),
          ],
          succeeded: answers.length - refusals.length,
          refused: countBy(
            refusals.map((answer) => `${answer.status} ${answer.headers.get('x-error-code')}`),
          ),
          events: stream.length,
        })}`,
      );
    },
  );
});

/** Resolves once `count` of the promises have settled. */
function whenSettled(promises: readonly Promise<unknown>[], count: number): Promise<void> {
  let settled = 0;
  return new Promise((resolve) => {
    if (count <= 0) resolve();
    const onSettled = () => {
      if (++settled === count) resolve();
    };
    for (const promise of promises) promise.then(onSettled, onSettled);
  });
}

function countBy(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}
