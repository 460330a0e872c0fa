import { rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import {
  AUDIT_TREE_FILE,
  AuditTree,
  loadTreeHeadSigner,
  SqliteAuditTreeStore,
} from '@keyledger/audit-tree';
import { SqliteEventStore } from '@keyledger/event-store';
import { temporaryDatabaseFile } from '@keyledger/event-store/testing';
import { ALL_PROJECTIONS, USAGE_BUCKETS_NAME } from '@keyledger/read-models';
import { appendGovernanceHistory } from '../../bench/rebuild-history';
import { runToEnd } from './support/child-process';

const CLI = 'apps/cli/src/main.ts';
jest.setTimeout(60_000);

let database: ReturnType<typeof temporaryDatabaseFile>;
let head: number;
const cli = (...args: string[]) =>
  runToEnd(CLI, args, { DATA_DIR: dirname(database.file), READ_STORE: 'memory' });

beforeEach(async () => {
  database = temporaryDatabaseFile();
  const events = new SqliteEventStore({ file: database.file });
  head = await appendGovernanceHistory(events, { events: 200 });
  await events.close();
});

afterEach(() => database.remove());

describe('keyledger verify', () => {
  let keptHead: string;

  beforeEach(async () => {
    // The tree and heads a running service would have kept beside the events.
    const events = new SqliteEventStore({ file: database.file });
    const dataDir = dirname(database.file);
    const signer = loadTreeHeadSigner({ keyFile: null, dataDir, warn: () => undefined });
    const tree = new AuditTree(
      events,
      new SqliteAuditTreeStore(join(dataDir, AUDIT_TREE_FILE)),
      signer,
      {
        heads: { every: 50, intervalMs: 60_000 },
      },
    );
    await tree.catchUp();
    keptHead = join(dataDir, 'kept-head.json');
    writeFileSync(keptHead, JSON.stringify(tree.currentHead()));
    tree.store.close();
    await events.close();
  });

  it('passes an intact store, with the event count, the root and the heads it checked', async () => {
    const { code, stdout } = await cli('verify', '--tree-head', keptHead);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      new RegExp(`^OK: ${head} events, tree root [0-9a-f]{64}, 5 signed heads verified\\n$`),
    );
  });

  it('names the first tampered event and exits 1', async () => {
    const db = new Database(database.file);
    const { stream, revision } = db
      .prepare<[], { stream: string; revision: number }>(
        'SELECT stream, revision FROM events WHERE position = 57',
      )
      .get() ?? { stream: '', revision: -1 };
    db.prepare(
      "UPDATE events SET data = json_set(data, '$.name', 'forged') WHERE position = 57",
    ).run();
    db.close();

    const { code, stdout } = await cli('verify');
    expect(code).toBe(1);
    expect(stdout).toContain(
      `BROKEN at leaf 56 (position 57, stream ${stream}, revision ${revision}): altered: `,
    );
    expect(stdout).toContain('56 events before it verified');
  });

  it('catches a cut tail against a kept head, with the tree gone too', async () => {
    const db = new Database(database.file);
    db.prepare('DELETE FROM events WHERE position > 190').run();
    db.close();
    rmSync(join(dirname(database.file), AUDIT_TREE_FILE));
    const publicKey = join(dirname(database.file), 'public.pem');
    const signer = loadTreeHeadSigner({
      keyFile: null,
      dataDir: dirname(database.file),
      warn: () => undefined,
    });
    writeFileSync(publicKey, signer.publicKey.public_key_pem);

    const { code, stdout } = await cli(
      'verify',
      '--tree-head',
      keptHead,
      '--public-key',
      publicKey,
    );
    expect(code).toBe(1);
    expect(stdout).toContain(`BROKEN at leaf 190: truncated: the kept head of tree_size ${head}`);
  });

  it('says there is nothing to verify against without a tree or a kept head, with exit code 2', async () => {
    const { code, stderr } = await runToEnd(CLI, ['verify'], {
      DATA_DIR: join(dirname(database.file), 'elsewhere'),
      EVENT_STORE: 'esdb',
      EVENTSTORE_URL: 'esdb://127.0.0.1:2113?tls=false',
    });
    expect(code).toBe(2);
    expect(stderr).toContain('no --tree-head: nothing to verify against');
  });
});

describe('keyledger rebuild', () => {
  it('shows progress on stderr and ends with a summary line', async () => {
    const { code, stdout, stderr } = await cli('rebuild');
    expect(code).toBe(0);
    expect(stderr).toContain(`| ${head}/${head} positions |`);
    const names = [...ALL_PROJECTIONS.map(({ name }) => name), USAGE_BUCKETS_NAME].join(', ');
    expect(stdout).toMatch(
      new RegExp(`^rebuilt ${names}: ${head} events in \\d+\\.\\d s \\(\\d+ events/s\\)\\n$`),
    );
  });

  it('refuses a projection it does not know, listing the ones it does', async () => {
    const { code, stderr } = await cli('rebuild', 'nope.v1');
    expect(code).toBe(1);
    expect(stderr).toContain('Allowed choices are all, keys.v1');
  });
});

describe('keyledger lag', () => {
  it('reports a never-run store as behind by the whole history, as JSON on request', async () => {
    const { code, stdout } = await cli('lag', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      head_position: head,
      checkpoint: 0,
      behind_events: head,
      checkpoints: Object.fromEntries(ALL_PROJECTIONS.map(({ name }) => [name, 0])),
    });
  });
});

it.each(['rebuild', 'lag', 'verify'])(
  'keyledger %s --help describes the command',
  async (command) => {
    const { code, stdout } = await cli(command, '--help');
    expect(code).toBe(0);
    expect(stdout).toContain(`Usage: keyledger ${command}`);
  },
);
