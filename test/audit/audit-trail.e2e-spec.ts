import { Exchange, expectError } from '../support/http';
import {
  change,
  createKey,
  CreatedKey,
  documentedStatuses,
  failedFields,
  GovernanceWorld,
  startGovernanceWorld,
  tick,
} from './governance-world';

/** An audit log entry as `GET /api/v1/audit` answers it. */
interface Entry {
  id: string;
  position: number;
  event_type: string;
  label: string;
  summary: string;
  key_id: string | null;
  actor_id: string;
  actor_kind: string;
  org_id: string | null;
  occurred_at: string;
  request_id: string | null;
  ip: string | null;
  user_agent: string | null;
  data: Record<string, unknown>;
}
type AuditPage = { data: Entry[]; next_cursor: string | null };

/** A history entry as `GET /api/v1/keys/{id}/history` answers it. */
interface HistoryEntry {
  id: string;
  type: string;
  label: string;
  summary: string;
  revision: number;
  position: number;
  metadata: {
    actor: { kind: string; id: string };
    org_id: string | null;
    request_id: string | null;
    correlation_id: string | null;
    ip: string | null;
    user_agent: string | null;
    occurred_at: string;
    schema_version: number;
  };
  data: Record<string, unknown>;
}

jest.setTimeout(30_000);

/**
 * A known history: alice (org_a admin) makes an org key (ci) and a personal key (laptop), then
 * disables, enables, renames and limits ci and revokes laptop; dave makes an org key while he
 * still held manageApiKeys, and a personal key; bob (org_b) makes and revokes a key.
 */
describe('audit trail over HTTP', () => {
  let world: GovernanceWorld;
  let ci: CreatedKey;
  let laptop: CreatedKey;
  let davesOrgKey: CreatedKey;
  let davesOwn: CreatedKey;
  let bobs: CreatedKey;
  /** Between the first and second half of alice's changes to ci. */
  let midway: string;

  beforeAll(async () => {
    world = await startGovernanceWorld();
    const { alice, daveAdmin, dave, bob } = world;
    ci = await createKey(alice, { name: 'ci', org_id: 'org_a', limit: 10 });
    laptop = await createKey(alice, { name: 'laptop' });
    const tracked = { 'x-request-id': 'req-disable-ci', 'user-agent': 'audit-e2e/1.0' };
    await change(
      alice,
      'PATCH',
      `/api/v1/keys/${ci.id}`,
      { disabled: true, reason: 'leaked in a log' },
      tracked,
    );
    await tick();
    midway = new Date().toISOString();
    await tick();
    await change(alice, 'PATCH', `/api/v1/keys/${ci.id}`, { disabled: false });
    await change(alice, 'PATCH', `/api/v1/keys/${ci.id}`, { name: 'ci-prod', limit: 25 });
    await change(alice, 'DELETE', `/api/v1/keys/${laptop.id}?reason=offboarding`);
    davesOrgKey = await createKey(daveAdmin, { name: 'dave-ci', org_id: 'org_a' });
    davesOwn = await createKey(dave, { name: 'dave-laptop' });
    bobs = await createKey(bob, { name: 'bob-ci', org_id: 'org_b' });
    await change(bob, 'DELETE', `/api/v1/keys/${bobs.id}?reason=rotation`);
  });
  afterAll(() => world.app.close());

  const audit = (client = world.alice, query = '') =>
    client.get<AuditPage>(`/api/v1/audit${query ? `?${query}` : ''}`);
  const keyIdsOf = (page: Exchange<AuditPage>) => [...new Set(page.body.data.map((e) => e.key_id))];

  describe('GET /api/v1/keys/{id}/history', () => {
    it("lists every event of the key's stream in order, labelled, with its metadata", async () => {
      const { status, body } = await world.alice.get<{ key_id: string; data: HistoryEntry[] }>(
        `/api/v1/keys/${ci.id}/history`,
      );
      expect(status).toBe(200);
      expect(body.key_id).toBe(ci.id);
      expect(body.data.map((e) => [e.revision, e.type, e.label])).toEqual([
        [0, 'KeyCreated', 'Key created'],
        [1, 'KeyDisabled', 'Key disabled'],
        [2, 'KeyEnabled', 'Key enabled'],
        [3, 'KeyRenamed', 'Key renamed'],
        [4, 'KeyLimitSet', 'Limit changed'],
      ]);
      const positions = body.data.map((e) => e.position);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      expect(body.data[1]).toMatchObject({
        summary: 'Disabled key: leaked in a log',
        data: { key_id: ci.id, reason: 'leaked in a log' },
        metadata: {
          actor: { kind: 'user', id: 'alice' },
          org_id: 'org_a',
          request_id: 'req-disable-ci',
          user_agent: 'audit-e2e/1.0',
          ip: '127.0.0.1',
          schema_version: 1,
        },
      });
      expect(Date.parse(body.data[1].metadata.occurred_at)).toBeLessThan(Date.parse(midway));
    });

    it('finds the key by the hash of its secret too, and never shows a secret', async () => {
      const byHash = await world.alice.get(`/api/v1/keys/${laptop.hash}/history`);
      expect(byHash.status).toBe(200);
      expect(JSON.stringify(byHash.body)).not.toContain(laptop.secret);
      expect(JSON.stringify(byHash.body)).not.toContain(laptop.secret.slice(3));
      expect((byHash.body as { data: HistoryEntry[] }).data.map((e) => e.summary)).toEqual([
        'Created personal key "laptop" with scopes completions, skills',
        'Revoked key: offboarding',
      ]);
    });

    it('shows an org key to every member of its org, as GET /keys/{id} does', async () => {
      expect((await world.dave.get(`/api/v1/keys/${ci.id}/history`)).status).toBe(200);
    });

    it('answers 404 not_found for a key the caller cannot see, as for a missing one', async () => {
      expectError(await world.bob.get(`/api/v1/keys/${ci.id}/history`), 404, 'not_found');
      expectError(await world.dave.get(`/api/v1/keys/${laptop.id}/history`), 404, 'not_found');
      expectError(await world.alice.get('/api/v1/keys/no-such-key/history'), 404, 'not_found');
    });

    it('refuses a caller without credentials', async () => {
      expectError(
        await world.as(undefined).get(`/api/v1/keys/${ci.id}/history`),
        401,
        'authentication_required',
      );
    });
  });

  describe('GET /api/v1/audit', () => {
    it("gives an org's key administrator the trail of every org key and of their own keys, newest first", async () => {
      const page = await audit();
      expect(page.status).toBe(200);
      expect(page.body.next_cursor).toBeNull();
      expect(page.body.data).toHaveLength(8);
      expect(keyIdsOf(page).sort()).toEqual([ci.id, laptop.id, davesOrgKey.id].sort());
      const positions = page.body.data.map((e) => e.position);
      expect(positions).toEqual([...positions].sort((a, b) => b - a));
      expect(page.body.data[0]).toMatchObject({
        event_type: 'KeyCreated',
        label: 'Key created',
        key_id: davesOrgKey.id,
        actor_id: 'dave',
        org_id: 'org_a',
      });
    });

    it('gives a plain member the trail of the keys they own only', async () => {
      const page = await audit(world.dave);
      expect(keyIdsOf(page).sort()).toEqual([davesOrgKey.id, davesOwn.id].sort());
    });

    it("shows nothing of another org's keys", async () => {
      const page = await audit(world.bob);
      expect(keyIdsOf(page)).toEqual([bobs.id]);
      expect((await audit(world.alice, 'org_id=org_b')).body.data).toEqual([]);
      expect((await audit(world.bob, `key_id=${ci.id}`)).body.data).toEqual([]);
    });

    it('filters by actor', async () => {
      const page = await audit(world.alice, 'actor=dave');
      expect(page.body.data.map((e) => [e.actor_id, e.key_id])).toEqual([['dave', davesOrgKey.id]]);
    });

    it('filters by key, by id or hash', async () => {
      const byId = await audit(world.alice, `key_id=${ci.id}&order=asc`);
      expect(byId.body.data.map((e) => e.event_type)).toEqual([
        'KeyCreated',
        'KeyDisabled',
        'KeyEnabled',
        'KeyRenamed',
        'KeyLimitSet',
      ]);
      expect((await audit(world.alice, `key_id=${ci.hash}&order=asc`)).body).toEqual(byId.body);
    });

    it('filters by event type, as a comma list or a repeated parameter', async () => {
      const comma = await audit(world.alice, 'event_type=KeyDisabled,KeyRevoked');
      const repeated = await audit(world.alice, 'event_type=KeyDisabled&event_type=KeyRevoked');
      expect(comma.body.data.map((e) => [e.event_type, e.key_id])).toEqual([
        ['KeyRevoked', laptop.id],
        ['KeyDisabled', ci.id],
      ]);
      expect(repeated.body).toEqual(comma.body);
    });

    it('filters by time range: from inclusive, to exclusive', async () => {
      const before = await audit(world.alice, `key_id=${ci.id}&to=${midway}`);
      const after = await audit(world.alice, `key_id=${ci.id}&from=${midway}`);
      expect(before.body.data.map((e) => e.event_type)).toEqual(['KeyDisabled', 'KeyCreated']);
      expect(after.body.data.map((e) => e.event_type)).toEqual([
        'KeyLimitSet',
        'KeyRenamed',
        'KeyEnabled',
      ]);
      const future = new Date(Date.now() + 3_600_000).toISOString();
      expect((await audit(world.alice, `from=${future}`)).body).toEqual({
        data: [],
        next_cursor: null,
      });
    });

    it("filters by the key's org: personal keys drop out", async () => {
      const page = await audit(world.alice, 'org_id=org_a');
      expect(keyIdsOf(page).sort()).toEqual([ci.id, davesOrgKey.id].sort());
    });

    it('pages with a stable cursor, in either order, each entry once', async () => {
      for (const order of ['asc', 'desc']) {
        const whole = (await audit(world.alice, `order=${order}`)).body.data.map((e) => e.id);
        const paged: string[] = [];
        let cursor: string | null = null;
        let pages = 0;
        do {
          const query: string = `order=${order}&limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
          const page = await audit(world.alice, query);
          expect(page.status).toBe(200);
          expect(page.body.data.length).toBeLessThanOrEqual(3);
          paged.push(...page.body.data.map((e) => e.id));
          cursor = page.body.next_cursor;
          pages++;
        } while (cursor !== null);
        expect(paged).toEqual(whole);
        expect(pages).toBe(3);
      }
    });

    it('pages through a time range without losing or repeating entries', async () => {
      const whole = (await audit(world.alice, `from=${midway}&order=asc`)).body.data;
      const paged: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Exchange<AuditPage> = await audit(
          world.alice,
          `from=${midway}&order=asc&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        );
        paged.push(...page.body.data.map((e) => e.id));
        cursor = page.body.next_cursor;
      } while (cursor !== null);
      expect(paged).toEqual(whole.map((e) => e.id));
      expect(whole.length).toBe(5);
    });

    it('answers bad queries with 400 validation_failed naming each field', async () => {
      const bad = await audit(
        world.alice,
        'limit=0&event_type=KeyExploded&from=yesterday&order=sideways&colour=blue',
      );
      expectError(bad, 400, 'validation_failed');
      expect(failedFields(bad).sort()).toEqual(
        ['colour', 'event_type', 'from', 'limit', 'order'].sort(),
      );
      const reversed = await audit(world.alice, 'from=2026-02-01&to=2026-01-01');
      expectError(reversed, 400, 'validation_failed');
      expect(failedFields(reversed)).toEqual(['to']);
      const cursor = await audit(world.alice, 'cursor=not-a-cursor');
      expectError(cursor, 400, 'validation_failed');
      expect(failedFields(cursor)).toEqual(['cursor']);
      const noOffset = await audit(world.alice, 'from=2026-01-01T10:00:00');
      expect(failedFields(noOffset)).toEqual(['from']);
    });

    it('lets API keys read it only with the management scope', async () => {
      const completions = await createKey(world.alice, { name: 'bot', org_id: 'org_a' });
      const management = await createKey(world.alice, {
        name: 'admin-bot',
        org_id: 'org_a',
        scopes: ['management'],
      });
      expectError(await audit(world.as({ apiKey: completions.secret })), 403, 'forbidden');
      const page = await audit(
        world.as({ apiKey: management.secret }),
        'org_id=org_a&event_type=KeyDisabled',
      );
      expect(page.body.data.map((e) => e.key_id)).toEqual([ci.id]);
    });

    it('refuses a caller without credentials', async () => {
      expectError(await audit(world.as(undefined)), 401, 'authentication_required');
    });
  });

  describe('GET /api/v1/audit/export', () => {
    const ascending = async (query: string) =>
      (await audit(world.alice, `order=asc&limit=200${query ? `&${query}` : ''}`)).body.data;

    it('streams NDJSON: one JSON entry per line, oldest first, the same entries as the log', async () => {
      const answer = await world.alice.download('/api/v1/audit/export?format=ndjson');
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
      expect(answer.headers.get('content-disposition')).toMatch(
        /^attachment; filename="keyledger-audit-\d{8}T\d{6}Z\.ndjson"$/,
      );
      expect(answer.headers.get('cache-control')).toBe('no-store');
      expect(answer.text.endsWith('\n')).toBe(true);
      const lines = answer.text
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line) as Entry);
      const log = await ascending('');
      expect(lines.map((e) => e.id)).toEqual(log.map((e) => e.id));
      // The export holds the stored entry; the log adds only the label.
      expect(lines[1]).not.toHaveProperty('label');
      expect({ ...lines[1], label: log[1].label }).toEqual(log[1]);
    });

    it('exports NDJSON by default', async () => {
      const answer = await world.alice.download('/api/v1/audit/export');
      expect(answer.headers.get('content-type')).toContain('application/x-ndjson');
    });

    it('streams CSV with a header line and one quoted-as-needed row per entry', async () => {
      const answer = await world.alice.download(`/api/v1/audit/export?format=csv&key_id=${ci.id}`);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
      expect(answer.headers.get('content-disposition')).toMatch(
        /filename="keyledger-audit-.+\.csv"$/,
      );
      const [header, ...rows] = parseCsv(answer.text);
      expect(header).toEqual([
        'position',
        'id',
        'occurred_at',
        'recorded_at',
        'event_type',
        'summary',
        'stream',
        'key_id',
        'preference_id',
        'actor_kind',
        'actor_id',
        'org_id',
        'ip',
        'user_agent',
        'request_id',
        'correlation_id',
        'causation_id',
        'data',
      ]);
      const log = await ascending(`key_id=${ci.id}`);
      expect(rows.map((row) => row[1])).toEqual(log.map((e) => e.id));
      const disabled = Object.fromEntries(header.map((column, i) => [column, rows[1][i]]));
      expect(disabled).toMatchObject({
        event_type: 'KeyDisabled',
        actor_id: 'alice',
        request_id: 'req-disable-ci',
        user_agent: 'audit-e2e/1.0',
        summary: 'Disabled key: leaked in a log',
      });
      expect(JSON.parse(disabled.data)).toMatchObject({ reason: 'leaked in a log' });
    });

    it('applies the same filters and scope as the log', async () => {
      for (const query of [
        'event_type=KeyCreated',
        `from=${midway}`,
        'actor=dave',
        'org_id=org_a',
      ]) {
        const answer = await world.alice.download(`/api/v1/audit/export?${query}`);
        const ids = answer.text
          .trimEnd()
          .split('\n')
          .filter(Boolean)
          .map((line) => (JSON.parse(line) as Entry).id);
        expect(ids).toEqual((await ascending(query)).map((e) => e.id));
      }
      const bobsExport = await world.bob.download('/api/v1/audit/export?format=csv');
      const keyColumn = parseCsv(bobsExport.text).map((row) => row[7]);
      expect(keyColumn).toEqual(['key_id', bobs.id, bobs.id]);
    });

    it('refuses bad queries before streaming anything', async () => {
      const answer = await world.alice.get('/api/v1/audit/export?format=xml&limit=5');
      expectError(answer, 400, 'validation_failed');
      expect(failedFields(answer).sort()).toEqual(['format', 'limit']);
      expectError(
        await world.as(undefined).get('/api/v1/audit/export'),
        401,
        'authentication_required',
      );
    });
  });

  it('documents each route in OpenAPI with its answers and refusals', async () => {
    expect(await documentedStatuses(world.alice, '/api/v1/keys/{id}/history')).toEqual([
      '200',
      '400',
      '401',
      '403',
      '404',
      '503',
    ]);
    for (const path of ['/api/v1/audit', '/api/v1/audit/export']) {
      expect(await documentedStatuses(world.alice, path)).toEqual([
        '200',
        '400',
        '401',
        '403',
        '503',
      ]);
    }
  });
});

/** Parses RFC 4180 CSV (quoted fields may hold commas, quotes and line breaks; CRLF ends a row). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += char;
  }
  return rows;
}
