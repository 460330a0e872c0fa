import { randomUUID } from 'node:crypto';
import { call } from '../support/http';
import { fillPath, openApiRoutes, Route, routeName } from '../support/openapi-routes';
import { signUserToken } from '../support/tokens';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Routes every key may call: self-introspection, the gateway's calls (their own scope rule), and
 * GitHub's secret-scanning reports (authenticated by GitHub's signature, not by a key).
 */
const OPEN_TO_ANY_KEY = [
  'GET /api/v1/key',
  'POST /api/v1/resolve',
  'POST /api/v1/usage',
  'POST /api/v1/secret-scanning/github',
];
/** Where `billing` is enough (SPEC §4): routing preferences, bindings and key-first rules. */
const ROUTING =
  /^\w+ \/api\/v1\/(routing-preferences|keys\/\{id\}\/(routing-preference|routing-rules|effective-routing))/;

/**
 * SPEC §1: every management route, reads included, needs the `management` scope when an API key
 * calls it (a leaked inference key must not even list keys). Swept over every documented route
 * of the canonical API, so that a new route is covered the day it exists.
 */
describe('management routes refuse API keys without the management scope', () => {
  let app: TestApp;
  let routes: Route[];
  const secrets: Record<string, string> = {};

  beforeAll(async () => {
    app = await startTestApp();
    const owner = await signUserToken('alice', {
      orgs: [{ id: 'org_a', permissions: ['manageApiKeys', 'manageRouting'] }],
    });
    for (const scopes of [['completions', 'skills'], ['billing'], ['management']]) {
      const created = await call<{ secret: string }>(app.baseUrl, 'POST', '/api/v1/keys', {
        auth: owner,
        body: { name: scopes.join('-'), scopes },
      });
      secrets[scopes[0]] = created.body.secret;
    }
    routes = (await openApiRoutes(app.baseUrl)).filter(
      (route) => route.path.startsWith('/api/v1/') && !OPEN_TO_ANY_KEY.includes(routeName(route)),
    );
  });
  afterAll(() => app.close());

  const as = (secret: string, route: Route) =>
    call(app.baseUrl, route.method, fillPath(route.path, randomUUID()), {
      headers: { 'x-api-key': secret },
      body: route.method === 'GET' || route.method === 'DELETE' ? undefined : {},
    });

  it('covers keys, routing, audit, reports and webhooks', () => {
    const families = new Set(routes.map((route) => route.path.split('/')[3]));
    expect([...families]).toEqual(
      expect.arrayContaining(['keys', 'routing-preferences', 'audit', 'reports', 'webhooks']),
    );
  });

  it('answers a completions key 403 forbidden on every one, before anything else', async () => {
    const answers = await Promise.all(
      routes.map(async (route) => {
        const answer = await as(secrets.completions, route);
        return `${routeName(route)} → ${answer.status} ${answer.headers.get('x-error-code')}`;
      }),
    );
    expect(answers.filter((line) => !line.endsWith('→ 403 forbidden'))).toEqual([]);
  });

  it('lets a billing key through on routing routes only', async () => {
    const refused = await Promise.all(
      routes.map(async (route) => ({
        name: routeName(route),
        scopeRefused:
          (await as(secrets.billing, route)).headers.get('x-error-code') === 'forbidden',
      })),
    );
    const wrong = refused.filter(({ name, scopeRefused }) => ROUTING.test(name) === scopeRefused);
    expect(wrong.map(({ name }) => name)).toEqual([]);
  });

  it('still lets any key describe itself, and a management key list keys', async () => {
    const self = await call(app.baseUrl, 'GET', '/api/v1/key', {
      headers: { 'x-api-key': secrets.completions },
    });
    expect(self.status).toBe(200);
    const listed = await call(app.baseUrl, 'GET', '/api/v1/keys', {
      headers: { 'x-api-key': secrets.management },
    });
    expect(listed.status).toBe(200);
  });

  it('says so in the OpenAPI document, route by route', async () => {
    type Operation = { description?: string; 'x-api-key-scopes'?: string[] };
    const { body } = await call<{ paths: Record<string, Record<string, Operation>> }>(
      app.baseUrl,
      'GET',
      '/openapi.json',
    );
    const list = body.paths['/api/v1/keys'].get;
    expect(list['x-api-key-scopes']).toEqual(['management']);
    expect(list.description).toContain('API keys need the `management` scope');
    expect(body.paths['/api/v1/keys/{id}/routing-preference'].put['x-api-key-scopes']).toEqual([
      'billing',
      'management',
    ]);
    expect(body.paths['/api/v1/key'].get['x-api-key-scopes']).toEqual([]);
  });
});
