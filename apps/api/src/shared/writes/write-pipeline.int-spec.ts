import { PreconditionFailedError } from '@keyledger/commands';
import { Decider, DomainError } from '@keyledger/domain';
import { alice } from '@keyledger/domain/testing/principals';
import { SqliteEventStore } from '@keyledger/event-store';
import { temporaryDatabaseFile } from '@keyledger/event-store/testing';
import { RequestContext } from '../request-context/request-context';
import { Caller, WritePipeline, WritePlan } from './write-pipeline';

type Counted = { readonly type: 'Counted'; readonly data: { readonly by: number } };
/** A counter: each add of n > 0 records Counted { by: n }. */
const counter: Decider<{ readonly add: number }, Counted, number> = {
  initialState: 0,
  evolve: (total, event) => total + event.data.by,
  decide: ({ add }) => (add === 0 ? [] : [{ type: 'Counted', data: { by: add } }]),
};

const NOW = new Date('2026-12-07T10:00:00.000Z');
const context: RequestContext = {
  requestId: 'req-1',
  correlationId: 'corr-1',
  causationId: null,
  ip: '203.0.113.7',
  userAgent: 'spec',
};

describe('WritePipeline on a real store', () => {
  let database: ReturnType<typeof temporaryDatabaseFile>;
  let store: SqliteEventStore;
  let pipeline: WritePipeline;
  const caller = (ifMatch: number | null = null): Caller => ({
    principal: alice,
    context,
    ifMatch,
  });
  /** Adds `add` to counter `id`, filed under org_1; `find` stands for the authorisation. */
  const plan = (
    add: number,
    find: () => string = () => 'c1',
  ): WritePlan<string, { add: number }, Counted, number> => ({
    find,
    streamOf: (id) => ({ decider: counter, stream: `counter-${id}`, orgId: 'org_1' }),
    commands: () => [{ add }],
  });

  beforeEach(() => {
    database = temporaryDatabaseFile();
    store = new SqliteEventStore({ file: database.file });
    pipeline = new WritePipeline(store, { now: () => NOW });
  });
  afterEach(async () => {
    await store.close();
    database.remove();
  });

  it('appends the decided events with the request, its caller and its org in the metadata', async () => {
    const written = await pipeline.write(caller(), plan(2));
    expect(written).toMatchObject({ subject: 'c1', state: 2, revision: 0 });
    const [event] = await store.readStream('counter-c1');
    expect(event.metadata).toMatchObject({
      actor: { kind: 'user', id: 'alice' },
      org_id: 'org_1',
      request_id: 'req-1',
      correlation_id: 'corr-1',
      ip: '203.0.113.7',
      occurred_at: NOW.toISOString(),
    });
    expect(written.metadata).toEqual(event.metadata);
  });

  it('refuses before anything else when the subject is not the caller’s, and writes nothing', async () => {
    const hidden = () => {
      throw new DomainError('not_found', 'Counter not found.');
    };
    // A stale If-Match too: the 404 comes first, so it tells a stranger nothing.
    await expect(pipeline.write(caller(7), plan(1, hidden))).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(await store.readStream('counter-c1')).toEqual([]);
  });

  it('holds the write to If-Match', async () => {
    await pipeline.write(caller(), plan(1));
    await expect(pipeline.write(caller(5), plan(1))).rejects.toBeInstanceOf(
      PreconditionFailedError,
    );
    expect(await pipeline.write(caller(0), plan(1))).toMatchObject({ state: 2, revision: 1 });
  });

  it('records the follow-up writes of one request at the moment it passes', async () => {
    const moment = pipeline.moment(caller());
    const later = new WritePipeline(store, { now: () => new Date('2030-01-01T00:00:00.000Z') });
    await later.write(caller(), plan(1), moment);
    const [event] = await store.readStream('counter-c1');
    expect(event.metadata.occurred_at).toBe(NOW.toISOString());
  });

  it('writes a follow-up at its moment without the If-Match of the request', async () => {
    await pipeline.write(caller(), plan(1));
    const moment = pipeline.moment(caller(5));
    expect(await pipeline.writeAt(moment, plan(1))).toMatchObject({ state: 2, revision: 1 });
  });

  it('records a system’s writes as that system, for the request it answers', async () => {
    await pipeline.writeAt(pipeline.systemMoment('github-secret-scanning', context), plan(1));
    const [event] = await store.readStream('counter-c1');
    expect(event.metadata).toMatchObject({
      actor: { kind: 'system', id: 'github-secret-scanning' },
      org_id: 'org_1',
      request_id: 'req-1',
      occurred_at: NOW.toISOString(),
    });
  });
});
