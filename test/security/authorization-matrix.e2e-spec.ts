import { call, Exchange } from '../support/http';
import { fillPath, openApiRoutes, routeName } from '../support/openapi-routes';
import { signUserToken } from '../support/tokens';
import { startTestApp, TestApp } from '../support/test-app';
import {
  Credentials,
  PrincipalName,
  PRINCIPALS,
  principalCredentials,
  TENANT_A,
} from './matrix-principals';

/**
 * Expected status of every key route for each authenticated principal, on an org key of org_a
 * created by its owner. Columns:
 *   owner | orgAdmin (manageApiKeys) | orgMember (no permission) | otherOrg (org_b admin) |
 *   managementKey | billingKey | completionsKey   (API keys of org_a)
 * Every route answers 401 to anonymous callers and to the four forged tokens (see UNAUTHENTICATED).
 * A route the service has that is missing here fails the test: add its row.
 */
const MATRIX: Readonly<Record<string, { body?: unknown; expect: readonly number[] }>> = {
  'POST /api/v1/keys': {
    body: { name: 'made-in-the-matrix', org_id: 'org_a' },
    expect: [201, 201, 403, 403, 201, 403, 403],
  },
  // Reads too: a leaked inference (or billing) key must not even list its owner's keys.
  'GET /api/v1/keys': { expect: [200, 200, 200, 200, 200, 403, 403] },
  'GET /api/v1/keys/{id}': { expect: [200, 200, 200, 404, 200, 403, 403] },
  'GET /api/v1/keys/{id}/history': { expect: [200, 200, 200, 404, 200, 403, 403] },
  'GET /api/v1/keys/{id}/analytics': { expect: [200, 200, 200, 404, 200, 403, 403] },
  'DELETE /api/v1/keys/{id}': { expect: [200, 200, 403, 404, 200, 403, 403] },
  'PATCH /api/v1/keys/{id}': {
    body: { name: 'renamed-in-the-matrix' },
    expect: [200, 200, 403, 404, 200, 403, 403],
  },
  'POST /api/v1/keys/{id}/rotate': { body: {}, expect: [200, 200, 403, 404, 200, 403, 403] },
  'POST /api/v1/keys/{id}/limit/reset': {
    body: { reason: 'matrix' },
    expect: [200, 200, 403, 404, 200, 403, 403],
  },
  // The calling key itself: a session token has none.
  'GET /api/v1/key': { expect: [403, 403, 403, 403, 200, 200, 200] },
  // Routing: billing keeps its binding rights (SPEC §4), reads included.
  'GET /api/v1/keys/{id}/routing-preference': { expect: [200, 200, 200, 404, 200, 200, 403] },
  'PUT /api/v1/keys/{id}/routing-preference': {
    body: { preference_id: null },
    expect: [200, 200, 403, 404, 200, 200, 403],
  },
  'GET /api/v1/keys/{id}/routing-rules': { expect: [200, 200, 200, 404, 200, 200, 403] },
  'PUT /api/v1/keys/{id}/routing-rules': {
    body: { rules: [] },
    expect: [200, 200, 403, 404, 200, 200, 403],
  },
  'DELETE /api/v1/keys/{id}/routing-rules': { expect: [204, 204, 403, 404, 204, 204, 403] },
  'GET /api/v1/keys/{id}/effective-routing': { expect: [200, 200, 200, 404, 200, 200, 403] },
  // Per-key outcomes inside a 200 (a caller without rights in an org gets its keys refused).
  'POST /api/v1/keys/import': {
    body: { keys: [{ name: 'imported-in-the-matrix', hash: 'ab'.repeat(32), prefix: 'sk-' }] },
    expect: [200, 200, 200, 200, 200, 403, 403],
  },
  // Whoever holds a secret may report it; the answer never says whether it matched.
  'POST /api/v1/keys/report-leak': {
    body: { secret: `rk_${'0'.repeat(64)}` },
    expect: [202, 202, 202, 202, 202, 403, 403],
  },
};

/** What every route answers the unauthenticated columns. */
const UNAUTHENTICATED: Readonly<Partial<Record<PrincipalName, string>>> = {
  anonymous: 'authentication_required',
  expiredToken: 'invalid_token',
  foreignSecret: 'invalid_token',
  algNone: 'invalid_token',
  noExp: 'invalid_token',
};

const isKeyRoute = (name: string) => /^\w+ \/api\/v1\/keys?(\/|$)/.test(name);

describe('authorization matrix: every key route × every principal', () => {
  let app: TestApp;
  let credentials: Credentials;
  let routeNames: string[];
  /** Names and ids of org_b's key: no tenant-A response may mention them. */
  let tenantBMarks: string[];
  let cells = 0;

  beforeAll(async () => {
    app = await startTestApp();
    credentials = await principalCredentials(app.baseUrl);
    routeNames = (await openApiRoutes(app.baseUrl)).map(routeName).filter(isKeyRoute);
    const eve = await signUserToken('eve', {
      orgs: [{ id: 'org_b', permissions: ['manageApiKeys'] }],
    });
    const evesKey = await call<{ data: { id: string; hash: string; name: string } }>(
      app.baseUrl,
      'POST',
      '/api/v1/keys',
      { auth: eve, body: { name: 'eves-private-key', org_id: 'org_b' } },
    );
    tenantBMarks = [evesKey.body.data.id, evesKey.body.data.hash, evesKey.body.data.name];
  });
  afterAll(() => app.close());

  it('has a row for every key route the service documents', () => {
    expect(routeNames.filter((name) => !(name in MATRIX))).toEqual([]);
    const pending = Object.keys(MATRIX).filter((name) => !routeNames.includes(name));
    if (pending.length > 0)
      console.info(`matrix rows for routes not there yet: ${pending.join(', ')}`);
  });

  /** A fresh org_a key per cell: a revoke in one cell must not decide the next. */
  async function freshTarget(): Promise<{ id: string; marks: string[] }> {
    const created = await call<{ data: { id: string; hash: string; label: string; name: string } }>(
      app.baseUrl,
      'POST',
      '/api/v1/keys',
      { headers: credentials.owner, body: { name: `target-${++cells}`, org_id: 'org_a' } },
    );
    const { id, hash, label, name } = created.body.data;
    return { id, marks: [id, hash, label, name] };
  }

  function expected(row: (typeof MATRIX)[string], principal: PrincipalName): number {
    return UNAUTHENTICATED[principal] ? 401 : row.expect[PRINCIPALS.indexOf(principal)];
  }

  it('answers each cell as the table says, and no response crosses tenants', async () => {
    const mismatches: string[] = [];
    const leaks: string[] = [];
    for (const name of routeNames.filter((n) => n in MATRIX)) {
      const [method, path] = name.split(' ');
      const row = MATRIX[name];
      for (const principal of PRINCIPALS) {
        const target = await freshTarget();
        // Each cell calls from its own address: the auth-failure throttle is tested on its own.
        const answer: Exchange<unknown> = await call(
          app.baseUrl,
          method,
          fillPath(path, target.id),
          {
            headers: {
              ...credentials[principal],
              'x-forwarded-for': `10.9.${cells >> 8}.${cells & 255}`,
            },
            body: row.body,
          },
        );
        const want = expected(row, principal);
        const code = answer.headers.get('x-error-code');
        if (
          answer.status !== want ||
          (UNAUTHENTICATED[principal] && code !== UNAUTHENTICATED[principal])
        ) {
          mismatches.push(
            `${name} as ${principal}: ${answer.status} ${code ?? ''}, expected ${want}`,
          );
        }
        const text = JSON.stringify(answer.body);
        const foreign = TENANT_A.includes(principal) ? tenantBMarks : target.marks;
        if (foreign.some((mark) => text.includes(mark))) leaks.push(`${name} as ${principal}`);
      }
    }
    console.info(
      `authorization matrix: ${routeNames.length} routes × ${PRINCIPALS.length} principals`,
    );
    expect(mismatches).toEqual([]);
    expect(leaks).toEqual([]);
  }, 120_000);
});
