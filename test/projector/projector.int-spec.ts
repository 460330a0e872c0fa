import { SqliteEventStore } from '@keyledger/event-store';
import { temporaryDatabaseFile, testMetadata } from '@keyledger/event-store/testing';
import {
  ALL_PROJECTIONS,
  keyProjection,
  ProjectionRunner,
  ReadStore,
} from '@keyledger/read-models';
import { keyCreated } from '@keyledger/read-models/testing/key-events';
import { RESOLUTION_PROJECTION } from '@keyledger/resolution';
import { appendGovernanceHistory } from '../../bench/rebuild-history';
import { call } from '../support/http';
import { startTestApp } from '../support/test-app';
import { RunningProcess, runEntryPoint } from './support/child-process';
import { mongoTestDatabase, MongoTestDatabase } from './support/mongo-database';
import { hasDocumentsPastCheckpoints, readModelSnapshot } from './support/read-model-snapshot';

const PROJECTOR = 'apps/projector/src/main.ts';
const CLI = 'apps/cli/src/main.ts';
/** Generous: FerretDB on a shared machine applies only a few events a second. */
const PATIENCE_MS = 90_000;
jest.setTimeout(4 * PATIENCE_MS);

const logger = { error: (message: string) => console.error(message) };
/** What the projector keeps in a MongoDB read store: every read model and the resolution snapshot. */
const PROJECTED = [...ALL_PROJECTIONS, RESOLUTION_PROJECTION];
const lowestCheckpoint = async (store: ReadStore): Promise<number> =>
  Math.min(...(await Promise.all(PROJECTED.map(({ name }) => store.getCheckpoint(name)))));

/** Polls until `reached` holds; fails after `timeoutMs`. */
async function until(reached: () => Promise<boolean>, timeoutMs = PATIENCE_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await reached())) {
    if (Date.now() > deadline) throw new Error(`not reached within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

let database: ReturnType<typeof temporaryDatabaseFile>;
let events: SqliteEventStore;
const children: RunningProcess[] = [];

/** The environment a child needs to use the test's SQLite file and the given read store. */
const storesEnv = (readStore: Record<string, string>): Record<string, string> => ({
  DATA_DIR: database.file.replace(/\/events\.sqlite$/, ''),
  LOG_LEVEL: 'info',
  ...readStore,
});

/** Appends new keys, as the API would while the projector runs; returns the head position. */
const appendKeys = async (...ids: string[]): Promise<number> => {
  for (const id of ids) {
    const { type, data } = keyCreated(id);
    await events.append(`key-${id}`, [{ type, data: { ...data } }], {
      expectedRevision: 'no_stream',
      metadata: testMetadata(),
    });
  }
  return events.headPosition();
};

const start = (entry: string, args: string[], env: Record<string, string>): RunningProcess => {
  const child = runEntryPoint(entry, args, env);
  children.push(child);
  return child;
};

const stopped = async (child: RunningProcess): Promise<void> => {
  if (child.child.exitCode === null && child.child.signalCode === null) child.child.kill('SIGKILL');
  await child.exited;
};

beforeEach(() => {
  database = temporaryDatabaseFile();
  events = new SqliteEventStore({ file: database.file });
});

afterEach(async () => {
  await Promise.all(children.splice(0).map(stopped));
  await events.close();
  database.remove();
});

describe('the projector process with the memory read store', () => {
  it('catches up, follows live appends, logs its lag, and stops cleanly on SIGTERM', async () => {
    const head = await appendGovernanceHistory(events, { events: 300 });
    const projector = start(PROJECTOR, [], {
      ...storesEnv({ READ_STORE: 'memory' }),
      PROJECTOR_LAG_INTERVAL_MS: '100',
    });
    await projector.waitForStdout(
      new RegExp(`"lag":\\{"head_position":${head},"checkpoint":${head},"behind_events":0`),
      PATIENCE_MS,
    );

    const live = await appendKeys('live1', 'live2');
    await projector.waitForStdout(
      new RegExp(`"checkpoint":${live},"behind_events":0,"behind_ms":0`),
      PATIENCE_MS,
    );

    projector.child.kill('SIGTERM');
    expect(await projector.exited).toEqual({ code: 0, signal: null });
    const { stdout } = projector.output();
    expect(stdout).toContain('"msg":"stopping after the batch in flight"');
    expect(stdout).toContain(`"position":${live},"msg":"projector stopped"`);
  });

  it('refuses a bad setting with a message naming it', async () => {
    const projector = start(PROJECTOR, [], {
      ...storesEnv({ READ_STORE: 'memory' }),
      PROJECTOR_BATCH_SIZE: '0',
    });
    expect((await projector.exited).code).toBe(1);
    expect(projector.output().stderr).toMatch(
      /Invalid configuration:\n\s+- PROJECTOR_BATCH_SIZE: /,
    );
  });
});

const mongo = mongoTestDatabase();
if (!mongo) {
  console.warn(
    '!!! SKIPPED: the projector process over MongoDB (kill -9 convergence) needs MONGO_URL, e.g. ' +
      'MONGO_URL=mongodb://127.0.0.1:27018/ npx jest test/projector',
  );
}

(mongo ? describe : describe.skip)('the projector process with the MongoDB read store', () => {
  const db = mongo as MongoTestDatabase;
  const stores: ReadStore[] = [];
  const open = async (prefix?: string): Promise<ReadStore> => {
    const store = await db.open(prefix);
    stores.push(store);
    return store;
  };
  const mongoEnv = (): Record<string, string> => ({
    ...storesEnv({ READ_STORE: 'mongo', MONGO_URL: db.url }),
    PROJECTOR_BATCH_SIZE: '2',
  });

  /** What a full rebuild of the whole event store gives, in a fresh store beside the projector's. */
  const fullRebuild = async () => {
    const fresh = await open(`rebuilt${Date.now()}_`);
    await new ProjectionRunner(events, fresh, PROJECTED, { logger }).rebuild();
    return readModelSnapshot(fresh);
  };

  /** Starts a projector and waits until it has applied everything stored. */
  const converge = async (store: ReadStore): Promise<RunningProcess> => {
    const projector = start(PROJECTOR, [], mongoEnv());
    const head = await events.headPosition();
    await until(async () => (await lowestCheckpoint(store)) >= head);
    return projector;
  };

  afterEach(async () => {
    await Promise.all(stores.splice(0).map((store) => store.close()));
    await db.drop();
  });

  it('converges to a full rebuild, and after kill -9 in the middle of a batch, converges again', async () => {
    await appendGovernanceHistory(events, { events: 40 });
    const store = await open();

    // kill -9 the moment the first batch is checkpointed, until one death leaves a batch half-written.
    let cutShort = false;
    for (let attempt = 0; attempt < 5 && !cutShort; attempt++) {
      const projector = start(PROJECTOR, [], mongoEnv());
      const reached = await lowestCheckpoint(store);
      await until(async () => (await lowestCheckpoint(store)) > reached);
      projector.child.kill('SIGKILL');
      await projector.exited;
      cutShort = await hasDocumentsPastCheckpoints(store);
    }
    expect(cutShort).toBe(true);

    await stopped(await converge(store));
    expect(await readModelSnapshot(store)).toEqual(await fullRebuild());

    const live = await converge(store);
    const head = await appendKeys('live1', 'live2');
    await until(async () => (await lowestCheckpoint(store)) >= head);
    await stopped(live);
    expect(await readModelSnapshot(store)).toEqual(await fullRebuild());
  });

  it('serves two API instances that run no projections of their own (PROJECTIONS=external)', async () => {
    const store = await open();
    const env: Record<string, string> = {
      ...mongoEnv(),
      PROJECTIONS: 'external',
      READ_YOUR_WRITES_TIMEOUT_MS: '500',
    };
    const [a, b] = [
      await startTestApp({ dataDir: env.DATA_DIR, env }),
      await startTestApp({ dataDir: env.DATA_DIR, env }),
    ];
    try {
      const token = await a.token('alice');
      const create = (name: string) =>
        call<{ data: { id: string } | null }>(a.baseUrl, 'POST', '/api/v1/keys', {
          auth: token,
          body: { name },
        });
      // No projector yet: the write is stored, but nothing projects it, so A cannot show it.
      const unprojected = await create('before the projector');
      expect(unprojected.status).toBe(202);
      expect(await lowestCheckpoint(store)).toBe(0);

      const projector = await converge(store);
      const created = await create('shared projector');
      // 201 with the key: A waited for the projector's stored checkpoint to pass its write.
      expect(created.status).toBe(201);
      const id = created.body.data?.id ?? '';
      const onB = await call(b.baseUrl, 'GET', `/api/v1/keys/${id}`, {
        auth: token,
        headers: { 'x-min-position': created.headers.get('x-position') ?? '' },
      });
      expect(onB.body).toMatchObject({ data: { id, name: 'shared projector' } });
      await stopped(projector);
    } finally {
      await a.close({ keepData: true });
      await b.close({ keepData: true });
    }
  });

  it('converges to a full rebuild after the CLI rebuild is killed -9 halfway', async () => {
    await appendGovernanceHistory(events, { events: 40 });
    const store = await open();
    await stopped(await converge(store));
    const converged = await readModelSnapshot(store);

    const rebuild = start(CLI, ['rebuild', 'all'], mongoEnv());
    const keys = store.collection(keyProjection.collection);
    // Documents dropped and not all replayed yet: the rebuild is halfway.
    await until(async () => (await keys.count()) < converged[keyProjection.name].length);
    rebuild.child.kill('SIGKILL');
    await rebuild.exited;
    expect(await readModelSnapshot(store)).not.toEqual(converged);

    await stopped(await converge(store));
    expect(await readModelSnapshot(store)).toEqual(converged);
    expect(converged).toEqual(await fullRebuild());
  });
});
