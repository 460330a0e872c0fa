import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteEventStore } from '@keyledger/event-store';
import { temporaryDatabaseFile } from '@keyledger/event-store/testing';
import { ALL_PROJECTIONS } from '@keyledger/read-models';
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
  it('passes an intact store, with the event count and the chain head', async () => {
    const { code, stdout } = await cli('verify');
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`^OK: ${head} events, chain head [0-9a-f]{64}\\n$`));
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
      `BROKEN: event at position 57 (stream ${stream}, revision ${revision}) altered: `,
    );
    expect(stdout).toContain('56 events before it verified');
  });

  it('says why an EventStoreDB store cannot be verified, with exit code 2', async () => {
    const { code, stderr } = await runToEnd(CLI, ['verify'], {
      EVENT_STORE: 'esdb',
      EVENTSTORE_URL: 'esdb://127.0.0.1:2113?tls=false',
    });
    expect(code).toBe(2);
    expect(stderr).toContain('not supported for EVENT_STORE=esdb');
  });
});

describe('keyledger rebuild', () => {
  it('shows progress on stderr and ends with a summary line', async () => {
    const { code, stdout, stderr } = await cli('rebuild');
    expect(code).toBe(0);
    expect(stderr).toContain(`| ${head}/${head} positions |`);
    const names = ALL_PROJECTIONS.map(({ name }) => name).join(', ');
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
