import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runToEnd } from '../projector/support/child-process';
import { storedEvents } from '../support/stored-events';
import { change, createKey, CreatedKey, startGovernanceWorld } from '../audit/governance-world';

const CLI = 'apps/cli/src/main.ts';
const DAY_MS = 86_400_000;

jest.setTimeout(90_000);

let dataDir: string;
const keys: Record<string, CreatedKey> = {};
const cli = (...args: string[]) => runToEnd(CLI, args, { DATA_DIR: dataDir, READ_STORE: 'memory' });

/** The entries of an NDJSON export. */
const ndjson = (text: string) =>
  text
    .split('\n')
    .filter(Boolean)
    .map(
      (line) =>
        JSON.parse(line) as { id: string; event_type: string; actor_id: string; key_id: string },
    );

/**
 * A data directory written by the real service: org_a (alice) has an unlimited key last used 40
 * days ago, a disabled key over its daily limit and a revoked one; org_b (bob) a revoked key.
 */
beforeAll(async () => {
  const world = await startGovernanceWorld();
  dataDir = world.app.dataDir;
  const { alice, bob } = world;
  keys.idle = await createKey(alice, { name: 'idle', org_id: 'org_a' });
  keys.over = await createKey(alice, {
    name: 'over',
    org_id: 'org_a',
    limit: 5,
    limit_reset: 'daily',
  });
  keys.gone = await createKey(alice, { name: 'gone', org_id: 'org_a' });
  keys.bobs = await createKey(bob, { name: 'bobs', org_id: 'org_b' });
  await change(alice, 'PATCH', `/api/v1/keys/${keys.over.id}`, {
    disabled: true,
    reason: 'leaked',
  });
  await change(alice, 'DELETE', `/api/v1/keys/${keys.gone.id}?reason=offboarding`);
  await change(bob, 'DELETE', `/api/v1/keys/${keys.bobs.id}?reason=rotation`);
  await world.recordUsage(keys.idle.id, 1, new Date(Date.now() - 40 * DAY_MS));
  await world.recordUsage(keys.over.id, 6, new Date());
  await world.app.close({ keepData: true });
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('keyledger export', () => {
  it('streams every governance event as NDJSON, oldest first, from the event store', async () => {
    const { code, stdout } = await cli('export');
    expect(code).toBe(0);
    const governance = storedEvents(dataDir).filter((event) => event.stream.startsWith('key-'));
    expect(ndjson(stdout).map((entry) => entry.event_type)).toEqual(governance.map((e) => e.type));
    expect(ndjson(stdout)[0]).toMatchObject({ actor_id: 'alice', key_id: keys.idle.id });
  });

  it('writes CSV to a file and says how many entries it wrote', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'keyledger-export-'));
    const out = join(dir, 'audit.csv');
    const { code, stdout, stderr } = await cli(
      'export',
      '--format',
      'csv',
      '--out',
      out,
      '--event-type',
      'KeyRevoked',
    );
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toContain(`wrote 2 entries to ${out}`);
    const lines = readFileSync(out, 'utf8').split('\r\n');
    expect(lines[0]).toBe(
      'position,id,occurred_at,recorded_at,event_type,summary,stream,key_id,preference_id,' +
        'actor_kind,actor_id,org_id,ip,user_agent,request_id,correlation_id,causation_id,data',
    );
    expect(lines.slice(1, -1).map((line) => line.split(',')[7])).toEqual([
      keys.gone.id,
      keys.bobs.id,
    ]);
    expect(lines.at(-1)).toBe('');
    rmSync(dir, { recursive: true, force: true });
  });

  it('filters by actor, key, org and time', async () => {
    const byBob = ndjson((await cli('export', '--actor', 'bob')).stdout);
    expect(byBob.map((e) => e.event_type)).toEqual(['KeyCreated', 'KeyRevoked']);
    const ofOver = ndjson((await cli('export', '--key', keys.over.id, '--org', 'org_a')).stdout);
    expect(ofOver.map((e) => e.event_type)).toEqual(['KeyCreated', 'KeyDisabled']);
    const future = ndjson(
      (await cli('export', '--from', new Date(Date.now() + DAY_MS).toISOString())).stdout,
    );
    expect(future).toEqual([]);
  });

  it('refuses a time it cannot read, saying what it expects', async () => {
    const { code, stderr } = await cli('export', '--from', 'yesterday');
    expect(code).toBe(1);
    expect(stderr).toContain("option '--from <time>' argument 'yesterday' is invalid");
  });
});

describe('keyledger report', () => {
  it('prints keys by state per org as a table', async () => {
    const { code, stdout } = await cli('report', 'keys-by-state');
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^Keys by state, per org \(personal keys last, with no org\) \(2 rows, \S+Z\)\n\n/,
    );
    expect(stdout.split('\n').slice(2)).toEqual([
      'org_id  active  disabled  expired  revoked  total',
      '------  ------  --------  -------  -------  -----',
      'org_a        1         1        0        1      3',
      'org_b        0         0        0        1      1',
      '',
    ]);
  });

  it('finds unused keys, keys near their limit and recent revocations, from the events', async () => {
    const unused = await cli('report', 'unused-keys', '--days', '30');
    expect(unused.stdout).toContain(keys.idle.id);
    expect(unused.stdout).toMatch(/ 40\n/);
    const near = await cli('report', 'keys-near-limit', '--threshold', '100');
    expect(near.stdout).toMatch(
      new RegExp(
        `${keys.over.id}\\s+over\\s+org_a\\s+alice\\s+disabled\\s+5\\s+daily\\s+6\\s+120\\s+true`,
      ),
    );
    const revoked = await cli('report', 'recent-revocations', '--org', 'org_a', '--json');
    expect(JSON.parse(revoked.stdout)).toMatchObject({
      report: 'recent-revocations',
      data: [
        {
          key_id: keys.gone.id,
          actor_kind: 'user',
          actor_id: 'alice',
          org_id: 'org_a',
          reason: 'offboarding',
        },
      ],
    });
  });

  it('says which reports exist when given another name', async () => {
    const { code, stderr } = await cli('report', 'everything');
    expect(code).toBe(1);
    expect(stderr).toContain('Allowed choices are keys-by-state, keys-per-owner');
  });

  it('says there is nothing to read when the data directory holds no store', async () => {
    const { code, stderr } = await runToEnd(CLI, ['report', 'keys-by-state'], {
      DATA_DIR: join(tmpdir(), 'keyledger-nothing-here'),
    });
    expect(code).toBe(2);
    expect(stderr).toContain('no event store at');
  });
});

it.each(['export', 'report'])('keyledger %s --help describes the command', async (command) => {
  const { code, stdout } = await cli(command, '--help');
  expect(code).toBe(0);
  expect(stdout).toContain(`Usage: keyledger ${command}`);
});
