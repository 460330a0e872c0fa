import fc from 'fast-check';
import { call, Exchange } from '../support/http';
import { eventCount } from '../support/event-count';
import { fillPath, openApiRoutes, Route, routeName } from '../support/openapi-routes';
import { rawRequest, RawRequest } from '../support/raw-http';
import { envCount } from '../support/scale';
import { expectSpecError } from '../support/spec-error';
import { startTestApp, TestApp } from '../support/test-app';
import {
  deepArray,
  deepObject,
  garbledExtras,
  jsonBodies,
  UNROUTABLE_PATH_IDS,
  oddHeaders,
  pathIds,
  queryStrings,
  wideArray,
  wrongContentTypes,
} from './hostile-payloads';

/** Generated inputs per route and kind of attack. */
const RUNS = envCount('HOSTILE_RUNS', 12);
/** Generous: a run is a request or two on every route; the bound only stops a hung suite. */
const PROPERTY_TIMEOUT_MS = 20_000 + RUNS * 1_000;
const BODY_LIMIT = 262_144;

/** Request counts by kind, for the report. */
const sent: Record<string, number> = {};

describe('hostile input: never a 5xx, always a SPEC §7 refusal, nothing written when refused', () => {
  let app: TestApp;
  let auth: string;
  let routes: Route[];
  /** Real ids, so generated requests get past "not found" to the validation behind it. */
  let realIds: string[];
  let clients = 0;

  beforeAll(async () => {
    app = await startTestApp();
    auth = `Bearer ${await app.token('alice', { orgs: [{ id: 'org_a', permissions: ['manageApiKeys', 'manageRouting'] }] })}`;
    routes = (await openApiRoutes(app.baseUrl)).filter((route) => route.path.startsWith('/api/'));
    const key = await call<{ data: { id: string } }>(app.baseUrl, 'POST', '/api/v1/keys', {
      headers: { authorization: auth },
      body: { name: 'target' },
    });
    const preference = await call<{ data: { id: string } }>(
      app.baseUrl,
      'POST',
      '/api/v1/routing-preferences',
      { headers: { authorization: auth }, body: { name: 'target' } },
    );
    realIds = [key.body.data.id, preference.body.data?.id].filter((id) => id !== undefined);
  });
  afterAll(async () => {
    console.info(`hostile input: ${JSON.stringify({ runsPerRouteAndKind: RUNS, requests: sent })}`);
    await app.close();
  });

  /**
   * Sends one hostile request and checks the promise: no 5xx; a refusal is a SPEC §7 body with
   * X-Error-Code; a refusal wrote nothing. Each request comes from its own address (the proxy
   * header is trusted), so the auth-failure throttle, tested on its own, stays out of the way.
   */
  async function expectCleanRefusal(kind: string, raw: RawRequest): Promise<Exchange<unknown>> {
    sent[kind] = (sent[kind] ?? 0) + 1;
    const before = eventCount(app.dataDir);
    const client = ++clients;
    const answer = await rawRequest(app.baseUrl, {
      ...raw,
      headers: {
        'x-forwarded-for': `10.${client >> 16}.${(client >> 8) & 255}.${client & 255}`,
        ...raw.headers,
      },
    });
    expect(answer.status).toBeLessThan(500);
    if (answer.status >= 400) {
      expectSpecError(answer);
      expect(eventCount(app.dataDir)).toBe(before);
    }
    return answer;
  }

  const pathOf = (route: Route) =>
    fc.constantFrom(...realIds).map((id) => fillPath(route.path, id));
  const json = { 'content-type': 'application/json' };

  /**
   * Checks a property on every route the service documents. Routes are only known once the app
   * runs, so they are walked inside the test rather than declared with describe.each.
   */
  async function onEveryRoute<Ts extends [unknown, ...unknown[]]>(
    property: (route: Route) => fc.IAsyncProperty<Ts>,
  ): Promise<void> {
    for (const route of routes) {
      await fc.assert(property(route), { numRuns: RUNS });
    }
  }

  it(
    'generated JSON bodies',
    () =>
      onEveryRoute((route) =>
        fc.asyncProperty(pathOf(route), jsonBodies(route.bodyFields), async (path, body) => {
          await expectCleanRefusal('json bodies', {
            method: route.method,
            path,
            headers: { authorization: auth, ...json },
            body,
          });
        }),
      ),
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'wrong content types',
    () =>
      onEveryRoute((route) =>
        fc.asyncProperty(pathOf(route), wrongContentTypes, async (path, { contentType, body }) => {
          await expectCleanRefusal('content types', {
            method: route.method,
            path,
            headers: { authorization: auth, 'content-type': contentType },
            body,
          });
        }),
      ),
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'unicode and garbage path ids and query strings',
    () =>
      onEveryRoute((route) =>
        fc.asyncProperty(pathIds, queryStrings, async (id, query) => {
          await expectCleanRefusal('paths and queries', {
            method: route.method,
            path: `${route.path.replace(/\{[^}]+\}/g, id)}?${query}`,
            headers: { authorization: auth },
          });
        }),
      ),
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'odd credentials, and garbled headers around good ones',
    () =>
      onEveryRoute((route) =>
        fc.asyncProperty(pathOf(route), oddHeaders, garbledExtras, async (path, odd, extras) => {
          await expectCleanRefusal('headers', { method: route.method, path, headers: odd });
          await expectCleanRefusal('headers', {
            method: route.method,
            path,
            headers: { authorization: auth, ...extras, ...json },
            body: '{}',
          });
        }),
      ),
    PROPERTY_TIMEOUT_MS,
  );

  it('a wide JSON body just under the limit, on every route', async () => {
    for (const route of routes) {
      await expectCleanRefusal('huge and deep', {
        method: route.method,
        path: fillPath(route.path, realIds[0]),
        headers: { authorization: auth, ...json },
        body: wideArray(BODY_LIMIT - 4096),
      });
    }
  });

  it('a body over the limit is 413 on every route that reads a body', async () => {
    for (const route of routes.filter((r) => ['POST', 'PUT', 'PATCH'].includes(r.method))) {
      const answer = await expectCleanRefusal('huge and deep', {
        method: route.method,
        path: fillPath(route.path, realIds[0]),
        headers: { authorization: auth, ...json },
        body: wideArray(BODY_LIMIT + 4096),
      });
      expect([routeName(route), answer.status]).toEqual([routeName(route), 413]);
    }
  });

  describe('edge cases answered by the HTTP layer itself', () => {
    // Refused by the depth-limited JSON parser before validation could recurse 10,000 times.
    it.each([
      ['arrays', deepArray(10_000)],
      ['objects', deepObject(10_000)],
    ])('JSON nested 10,000 deep (%s) is refused cleanly on every route', async (_, body) => {
      for (const route of routes) {
        await expectCleanRefusal('huge and deep', {
          method: route.method,
          path: fillPath(route.path, realIds[0]),
          headers: { authorization: auth, ...json },
          body,
        });
      }
    });

    // Malformed URLs are refused by Fastify before routing; frameworkErrors gives them our body.
    it.each(UNROUTABLE_PATH_IDS)('a path id of %s is a SPEC §7 refusal', async (_, id) => {
      await expectCleanRefusal('paths and queries', {
        method: 'GET',
        path: `/api/v1/keys/${id}`,
        headers: { authorization: auth },
      });
    });
  });
});
