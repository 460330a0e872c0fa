import { runToEnd } from '../projector/support/child-process';
import { reportUsage, resolve } from '../resolution/resolution-support';
import { call, expectError } from '../support/http';
import { startTestApp, TestApp } from '../support/test-app';
import { mongoTestDatabase } from '../projector/support/mongo-database';

jest.setTimeout(60_000);

interface Point {
  readonly start: string;
  readonly requests: number;
  readonly refused: Record<string, number>;
  readonly cost: number;
  readonly byok_cost: number;
  readonly models: Record<string, { requests: number; cost: number }>;
  readonly groups?: Record<string, { requests: number; cost: number }>;
}

const ORG = 'org_analytics';
const mongo = mongoTestDatabase();
// A short flush interval: usage reaches the buckets soon after it is counted.
const FLUSH = { USAGE_FLUSH_INTERVAL_MS: '20' };
const READ_STORES: [string, Record<string, string>][] = [
  ['the embedded read store', FLUSH],
  ...(mongo
    ? [
        ['MongoDB', { ...FLUSH, READ_STORE: 'mongo', MONGO_URL: mongo.url }] as [
          string,
          Record<string, string>,
        ],
      ]
    : []),
];
if (mongo) afterAll(() => mongo.drop());

/** Usage analytics over HTTP: what was sent, counted per key, model and outcome, kept across a restart and a rebuild. */
describe.each(READ_STORES)('usage analytics on %s', (_, ENV) => {
  let app: TestApp;
  let admin: string;
  let keyId: string;
  let secret: string;
  let otherKeyId: string;
  const hour = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
  const from = new Date(hour.getTime() - 2 * 3_600_000).toISOString();
  const to = new Date(hour.getTime() + 3_600_000).toISOString();

  const keyAnalytics = (query: string, auth = admin) =>
    call<{ data: Point[] }>(app.baseUrl, 'GET', `/api/v1/keys/${keyId}/analytics?${query}`, {
      auth,
    });
  const current = (points: readonly Point[]) => points[points.length - 1];

  beforeAll(async () => {
    app = await startTestApp({ env: ENV });
    admin = await app.token('ada', { orgs: [{ id: ORG, permissions: ['manageApiKeys'] }] });
    const create = async (name: string, body: Record<string, unknown> = {}) => {
      const created = await call<{ data: { id: string }; secret: string }>(
        app.baseUrl,
        'POST',
        '/api/v1/keys',
        { auth: admin, body: { name, org_id: ORG, ...body } },
      );
      expect(created.status).toBe(201);
      return created.body;
    };
    const key = await create('analysed', { scopes: ['completions'] });
    keyId = key.data.id;
    secret = key.secret;
    const other = await create('other');
    otherKeyId = other.data.id;

    const apiKey = { apiKey: secret };
    for (let i = 0; i < 3; i++) {
      expect((await resolve(app.baseUrl, apiKey, { model: 'openai/gpt-4o' })).status).toBe(200);
      expect(
        (await reportUsage(app.baseUrl, apiKey, { cost: 0.5, model: 'openai/gpt-4o' })).status,
      ).toBe(200);
    }
    expect((await resolve(app.baseUrl, apiKey, { model: 'anthropic/claude' })).status).toBe(200);
    expect(
      (await reportUsage(app.baseUrl, apiKey, { cost: 2, byok: true, model: 'anthropic/claude' }))
        .status,
    ).toBe(200);
    // Two refusals: a scope the key lacks.
    for (let i = 0; i < 2; i++) {
      const refused = await resolve(app.baseUrl, apiKey, {
        model: 'openai/gpt-4o',
        scope: 'skills',
      });
      expectError(refused, 403, 'insufficient_scope');
    }
    expect((await resolve(app.baseUrl, { apiKey: other.secret })).status).toBe(200);
  });
  afterAll(() => app.close());

  const EXPECTED = {
    requests: 4,
    refused: { insufficient_scope: 2 },
    cost: 1.5,
    byok_cost: 2,
  };

  const counted = async (): Promise<Point[]> => {
    for (let tries = 0; tries < 200; tries++) {
      const answer = await keyAnalytics(`from=${from}&to=${to}&granularity=hour`);
      expect(answer.status).toBe(200);
      const last = current(answer.body.data);
      if (last.requests === 4 && last.refused.insufficient_scope === 2 && last.byok_cost === 2)
        return answer.body.data;
      await new Promise((done) => setTimeout(done, 25));
    }
    throw new Error('the usage never reached the analytics');
  };

  it('counts every hour of the range, empty ones included, as the requests were sent', async () => {
    const points = await counted();
    expect(points.map((p) => p.start)).toEqual([
      new Date(hour.getTime() - 2 * 3_600_000).toISOString(),
      new Date(hour.getTime() - 3_600_000).toISOString(),
      hour.toISOString(),
    ]);
    expect(points[0]).toEqual({
      start: points[0].start,
      requests: 0,
      refused: {},
      cost: 0,
      byok_cost: 0,
      models: {},
    });
    expect(current(points)).toMatchObject(EXPECTED);
    expect(current(points).models).toEqual({
      'openai/gpt-4o': { requests: 3, refused: { insufficient_scope: 2 }, cost: 1.5, byok_cost: 0 },
      'anthropic/claude': { requests: 1, refused: {}, cost: 0, byok_cost: 2 },
    });
  });

  it('sums the day, and answers CSV on request', async () => {
    const day = await keyAnalytics('granularity=day');
    expect(current(day.body.data)).toMatchObject(EXPECTED);
    const csv = await fetch(
      `${app.baseUrl}/api/v1/keys/${keyId}/analytics?from=${hour.toISOString()}&to=${to}&format=csv`,
      { headers: { authorization: `Bearer ${admin}` } },
    );
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toBe('start,requests,refused,cost,byok_cost,models');
    expect(lines[1]).toMatch(
      new RegExp(`^${hour.toISOString()},4,"{""insufficient_scope"":2}",1.5,2,`),
    );
    const accepted = await fetch(`${app.baseUrl}/api/v1/analytics?org_id=${ORG}&group_by=model`, {
      headers: { authorization: `Bearer ${admin}`, accept: 'text/csv' },
    });
    expect(accepted.headers.get('content-type')).toContain('text/csv');
    expect((await accepted.text()).split('\r\n')[0]).toBe('start,group,requests,cost,byok_cost');
  });

  it('gives the org the sum of its keys, broken down by key, model or outcome', async () => {
    const org = (query: string, auth = admin) =>
      call<{ data: Point[] }>(
        app.baseUrl,
        'GET',
        `/api/v1/analytics?org_id=${ORG}&from=${hour.toISOString()}&to=${to}&${query}`,
        { auth },
      );
    const byKey = await org('group_by=key');
    expect(byKey.status).toBe(200);
    const point = current(byKey.body.data);
    expect(point.requests).toBeGreaterThanOrEqual(5);
    expect(point.groups?.[keyId]).toEqual({ requests: 4, cost: 1.5, byok_cost: 2 });
    expect(point.groups?.[otherKeyId]?.requests).toBeGreaterThanOrEqual(1);
    const byOutcome = current((await org('group_by=outcome')).body.data).groups;
    expect(byOutcome?.insufficient_scope).toEqual({ requests: 2, cost: 0, byok_cost: 0 });
    const byModel = current((await org('group_by=model')).body.data).groups;
    expect(byModel?.['openai/gpt-4o']).toEqual({ requests: 3, cost: 1.5, byok_cost: 0 });
    // A plain member sees their own keys only; ada's keys are not theirs.
    const member = await app.token('bob', { orgs: [{ id: ORG, permissions: [] }] });
    expect(current((await org('', member)).body.data).requests).toBe(0);
    const outsider = await app.token('eve');
    expect((await keyAnalytics('', outsider)).status).toBe(404);
  });

  it('refuses a bad range, granularity or group with the field named, and a key without management', async () => {
    const fieldOf = (answer: { body: unknown }) =>
      (answer.body as { error: { fields: { field: string }[] } }).error.fields[0].field;
    const reversed = await keyAnalytics(`from=${to}&to=${from}`);
    expectError(reversed, 400, 'validation_failed');
    expect(fieldOf(reversed)).toBe('from');
    const granularity = await keyAnalytics('granularity=week');
    expectError(granularity, 400, 'validation_failed');
    expect(fieldOf(granularity)).toBe('granularity');
    const tooLong = await keyAnalytics('from=2020-01-01T00:00:00Z&granularity=hour');
    expectError(tooLong, 400, 'validation_failed');
    const noOrg = await call(app.baseUrl, 'GET', '/api/v1/analytics', { auth: admin });
    expectError(noOrg, 400, 'validation_failed');
    expect(fieldOf(noOrg)).toBe('org_id');
    const inference = await call(app.baseUrl, 'GET', `/api/v1/keys/${keyId}/analytics`, {
      auth: { apiKey: secret },
    });
    expectError(inference, 403, 'forbidden');
  });

  it('keeps the same series across a restart, and a rebuild gives it back exactly', async () => {
    const before = (await keyAnalytics(`from=${from}&to=${to}`)).body.data;
    await app.close({ keepData: true });
    app = await startTestApp({ dataDir: app.dataDir, env: ENV });
    expect((await keyAnalytics(`from=${from}&to=${to}`)).body.data).toEqual(before);
    await app.close({ keepData: true });
    const rebuilt = await runToEnd('apps/cli/src/main.ts', ['rebuild', 'usage_buckets.v1'], {
      ...ENV,
      DATA_DIR: app.dataDir,
    });
    expect(rebuilt.code).toBe(0);
    // The CLI reads the same series from the same store.
    const cli = await runToEnd(
      'apps/cli/src/main.ts',
      ['analytics', '--key', keyId, '--from', from, '--to', to, '--format', 'json'],
      { ...ENV, DATA_DIR: app.dataDir },
    );
    expect(cli.code).toBe(0);
    expect((JSON.parse(cli.stdout) as { data: Point[] }).data).toEqual(before);
    const table = await runToEnd(
      'apps/cli/src/main.ts',
      [
        'analytics',
        '--org',
        ORG,
        '--from',
        hour.toISOString(),
        '--to',
        to,
        '--group-by',
        'outcome',
      ],
      { ...ENV, DATA_DIR: app.dataDir },
    );
    expect(table.stdout).toMatch(/insufficient_scope\s+2\s/);
    app = await startTestApp({ dataDir: app.dataDir, env: ENV });
    expect((await keyAnalytics(`from=${from}&to=${to}`)).body.data).toEqual(before);
  });
});
