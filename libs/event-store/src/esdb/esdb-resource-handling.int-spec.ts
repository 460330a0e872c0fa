import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { status } from '@grpc/grpc-js';
import { EventStoreError } from '../event-store-error';
import { NewEvent } from '../event-store.port';
import { SubscriptionDrop } from '../subscription-health';
import { esdbContractSubject } from '../testing/esdb-contract-subject';
import { EsdbProtocolFake, WireFailure } from '../testing/esdb-protocol-fake';
import { describeEventStoreContract } from '../testing/event-store.contract';
import { eventually } from '../testing/eventually';
import { testMetadata } from '../testing/fixtures';
import { EsdbEventStore, EsdbEventStoreOptions } from './esdb-event-store';

/*
 * The adapter's resource handling and error paths, driven over real gRPC against a protocol fake
 * built from the client's own generated stubs. NOT a run against EventStoreDB: that is
 * esdb-event-store.int-spec.ts, skipped (loudly) without EVENTSTORE_URL.
 */

const metadata = testMetadata();
const events = (count: number, type = 'Happened'): NewEvent[] =>
  Array.from({ length: count }, (_, n) => ({ type, data: { n } }));

const ACCESS_DENIED: WireFailure = {
  code: status.PERMISSION_DENIED,
  details: 'Access denied',
  exception: 'access-denied',
};
/** 200 reads over loopback gRPC take a few seconds on a shared machine. */
const SLOW_TEST_MS = 60_000;
const UNAVAILABLE: WireFailure = { code: status.UNAVAILABLE, details: 'node shutting down' };

describe('EventStoreDB adapter against a gRPC protocol fake (resource handling and error paths; not a server)', () => {
  let fake: EsdbProtocolFake;
  let store: EsdbEventStore;
  const open = (options: Partial<EsdbEventStoreOptions> = {}, query = ''): EsdbEventStore =>
    new EsdbEventStore({
      connectionString: fake.url(query),
      readDeadlineMs: 2_000,
      resubscribeBackoff: { initialMs: 10, maxMs: 50 },
      ...options,
    });

  beforeEach(async () => {
    fake = await EsdbProtocolFake.start();
    store = open();
  });
  afterEach(async () => {
    await store.close();
    await fake.stop();
  });

  it(
    'closes the gRPC call of every read, however it stops, and always sends a bounded maxCount',
    async () => {
      // More than HTTP/2's flow-control window: a read left unconsumed and uncancelled stays
      // open on the server (the unmodified adapter left 20 of 20 such reads open here).
      const bulky = Array.from({ length: 200 }, (_, n) => ({
        type: 'Bulk',
        data: { n, pad: 'x'.repeat(2048) },
      }));
      await store.append('key-1', bulky, { expectedRevision: 'no_stream', metadata });
      // 200 reads in a row that each stop early: one record of many, a page shorter than the log.
      const earlyStopping = [
        () => store.headPosition(),
        () => store.readAll({ maxCount: 1 }),
        () => store.readAll({ maxCount: 2, filter: { streamPrefixes: ['key-'] } }),
      ];
      for (let round = 0; round < 200; round++) await earlyStopping[round % 3]();
      expect(await store.readStream('key-1')).toHaveLength(200);
      await eventually(() => fake.openCalls === 0);
      const reads = fake.reads.filter((read) => read.kind !== 'subscription');
      expect(reads.length).toBeGreaterThan(200);
      expect(reads.every((read) => read.maxCount !== null && read.maxCount <= 1000n)).toBe(true);
      const pages = fake.reads.filter((read) => read.kind === 'subscription');
      expect(pages.length).toBeGreaterThan(100);
      expect(pages.every((read) => read.filtered)).toBe(true);
    },
    SLOW_TEST_MS,
  );

  it('fails a read that never ends with deadline_exceeded, and closes its call', async () => {
    const hasty = open({ readDeadlineMs: 200 });
    await hasty.append('key-1', events(1), { expectedRevision: 'no_stream', metadata });
    // A page of $all ends at the head or at caught-up: a fake that sends neither hangs it.
    fake.silenceCaughtUp();
    const read = hasty.readAll({ filter: { streamPrefixes: ['nothing-'] } });
    await expect(read).rejects.toBeInstanceOf(EventStoreError);
    await expect(read).rejects.toMatchObject({ kind: 'deadline_exceeded', transient: true });
    await eventually(() => fake.openCalls === 0);
    await hasty.close();
  });

  it.each([
    ['access-denied', 'access_denied', ACCESS_DENIED],
    [
      'stream-deleted',
      'stream_deleted',
      {
        code: status.FAILED_PRECONDITION,
        details: 'deleted',
        exception: 'stream-deleted',
        trailers: { 'stream-name': 'key-1' },
      },
    ],
    [
      'maximum-append-size-exceeded',
      'max_append_size',
      {
        code: status.INVALID_ARGUMENT,
        details: 'too big',
        exception: 'maximum-append-size-exceeded',
        trailers: { 'maximum-append-size': '1048576' },
      },
    ],
  ] as const)(
    'maps the server answering an append with %s to a permanent %s store error, tried once',
    async (_, kind, failure) => {
      fake.failNext('append', failure);
      const append = store.append('key-1', events(1), { expectedRevision: 'any', metadata });
      await expect(append).rejects.toMatchObject({
        name: 'EventStoreError',
        kind,
        transient: false,
      });
      expect(fake.appendCalls).toHaveLength(1);
      expect(fake.idsOf('key-1')).toEqual([]);
    },
  );

  it('maps not-leader to a transient error; the client follows the leader it names and the retry lands', async () => {
    fake.failNext('append', {
      code: status.NOT_FOUND,
      details: 'Leader info available',
      exception: 'not-leader',
      trailers: { 'leader-endpoint-host': '127.0.0.1', 'leader-endpoint-port': String(fake.port) },
    });
    await store.append('key-1', events(1), { expectedRevision: 'no_stream', metadata });
    expect(fake.appendCalls).toHaveLength(2);
    expect(fake.idsOf('key-1')).toEqual(fake.appendCalls[0]);
  });

  it('retries an append while the node is unavailable, with the same event ids, then gives up typed', async () => {
    fake.failNext('append', UNAVAILABLE, 1);
    await store.append('key-1', events(2), { expectedRevision: 'no_stream', metadata });
    expect(fake.appendCalls).toHaveLength(2);
    expect(fake.appendCalls[1]).toEqual(fake.appendCalls[0]);
    expect(fake.idsOf('key-1')).toEqual(fake.appendCalls[0]);

    fake.failNext('append', UNAVAILABLE, 3);
    await expect(
      store.append('key-1', events(1), { expectedRevision: 1, metadata }),
    ).rejects.toMatchObject({ kind: 'unavailable', transient: true });
    expect(fake.appendCalls).toHaveLength(5);
  });

  it('writes an append whose answer was lost once: the retry after the deadline carries the same ids', async () => {
    const hasty = open({}, 'defaultDeadline=300');
    fake.loseAnswersOfNextAppends(1);
    const result = await hasty.append('key-1', events(3), {
      expectedRevision: 'no_stream',
      metadata,
    });
    expect(fake.appendCalls).toHaveLength(2);
    expect(fake.appendCalls[1]).toEqual(fake.appendCalls[0]);
    expect(fake.idsOf('key-1')).toEqual(fake.appendCalls[0]);
    expect(result.nextRevision).toBe(2);
    await hasty.close();
  });

  it('reports a subscription whose server goes away, and resumes after the last event once it is back', async () => {
    const drops: SubscriptionDrop[] = [];
    store.subscriptionHealth.onDrop((drop) => drops.push(drop));
    const first = await store.append('key-1', events(1), {
      expectedRevision: 'no_stream',
      metadata,
    });
    const subscription = store.subscribe({ filter: { streamPrefixes: ['key-'] } });
    const iterator = subscription[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toMatchObject({ position: first.position });

    // A consumer waiting for the next event, as the runner and the resolution feed always are.
    const next = iterator.next();
    await fake.stop();
    await eventually(() => drops.length > 0);
    expect(store.subscriptionHealth.report().status).toBe('degraded');
    expect(drops[0]).toMatchObject({
      kind: 'unavailable',
      permanent: false,
      position: first.position,
    });

    await fake.restart();
    const later = await store.append('key-1', events(1, 'Later'), {
      expectedRevision: 0,
      metadata,
    });
    expect((await next).value).toMatchObject({ type: 'Later', position: later.position });
    expect(store.subscriptionHealth.report().status).toBe('ok');
    await subscription.close();
  });

  it('gives up on a subscription the server refuses: the iteration throws, health fails', async () => {
    const subscription = store.subscribe();
    const iterator = subscription[Symbol.asyncIterator]();
    const next = iterator.next();
    await eventually(() => fake.openCalls === 1);
    fake.dropSubscriptions(ACCESS_DENIED);
    await expect(next).rejects.toMatchObject({ kind: 'access_denied', transient: false });
    expect(store.subscriptionHealth.report()).toMatchObject({
      status: 'failed',
      last_drop: { kind: 'access_denied', permanent: true, retryInMs: null },
    });
    await eventually(() => fake.openCalls === 0);
  });

  it(
    'lets the process exit once the store is closed: no call, timer or channel keeps it alive',
    async () => {
      const child = join(__dirname, '../testing/esdb-closing-process.ts');
      // No timeout of ours: a process kept alive fails the test by Jest's timeout.
      const { stdout } = await promisify(execFile)(process.execPath, [
        '--import',
        'tsx',
        child,
        fake.url(),
      ]);
      expect(stdout).toBe('closed\n');
    },
    SLOW_TEST_MS,
  );

  it('refuses throwOnAppendFailure=false at construction, naming the setting', () => {
    expect(() => open({}, 'throwOnAppendFailure=false')).toThrow(/throwOnAppendFailure=false/);
  });
});

describe('EventStoreDB adapter against a gRPC protocol fake, through a fault proxy (not a server)', () => {
  let fake: EsdbProtocolFake;

  beforeAll(async () => {
    fake = await EsdbProtocolFake.start();
  });
  afterAll(() => fake.stop());

  // The whole contract, faults included, exercises the adapter's logic over real gRPC; it does
  // not stand in for the EventStoreDB run, whose SKIPPED line stays until a server runs it.
  describeEventStoreContract(
    'EventStoreDB client over gRPC to the protocol fake (adapter only)',
    () => esdbContractSubject({ host: '127.0.0.1', port: fake.port }),
    { withFaults: true },
  );

  it('closes its connection on close(), so nothing of it outlives the store', async () => {
    const subject = await esdbContractSubject({ host: '127.0.0.1', port: fake.port });
    const subscription = subject.store.subscribe({
      fromPosition: await subject.store.headPosition(),
    });
    const pending = subscription[Symbol.asyncIterator]().next();
    await subject.store.readAll({ maxCount: 1 });
    expect(subject.proxy.openConnections).toBe(1);
    await subject.store.close();
    await expect(pending).resolves.toMatchObject({ done: true });
    await eventually(() => subject.proxy.openConnections === 0);
    await subject.cleanup();
  });
});
