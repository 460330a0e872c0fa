import { randomUUID } from 'node:crypto';
import { EventMetadata, EventStore, NewEvent, RecordedEvent } from '../event-store.port';
import { WrongExpectedRevisionError } from '../expected-revision';

/** An adapter under test, and how to reopen it on the same data. */
export interface ContractSubject {
  readonly store: EventStore;
  readonly reopen: () => Promise<EventStore>;
  readonly cleanup: () => Promise<void>;
}

/** Metadata as a command handler would record it. */
export const testMetadata = (overrides: Partial<EventMetadata> = {}): EventMetadata => ({
  actor: { kind: 'user', id: 'user_1' },
  org_id: 'org_1',
  request_id: 'req_1',
  correlation_id: 'corr_1',
  causation_id: null,
  ip: '127.0.0.1',
  user_agent: 'contract-test',
  occurred_at: '2026-01-01T00:00:00.000Z',
  schema_version: 1,
  ...overrides,
});

const events = (count: number, type = 'Happened'): NewEvent[] =>
  Array.from({ length: count }, (_, i) => ({ type, data: { n: i, nested: { ok: true } } }));

/** Reads from an async iterable until `count` items arrived. */
async function take(source: AsyncIterable<RecordedEvent>, count: number): Promise<RecordedEvent[]> {
  const taken: RecordedEvent[] = [];
  if (count === 0) return taken;
  for await (const event of source) {
    taken.push(event);
    if (taken.length === count) break;
  }
  return taken;
}

/** The behaviour every EventStore adapter must have. */
export function describeEventStoreContract(name: string, open: () => Promise<ContractSubject>): void {
  describe(`EventStore contract: ${name}`, () => {
    let subject: ContractSubject;
    let store: EventStore;
    // Unique streams keep tests independent even on a shared server.
    const stream = (label: string): string => `contract_${label}-${randomUUID()}`;
    const meta = testMetadata();

    beforeEach(async () => {
      subject = await open();
      store = subject.store;
    });
    afterEach(async () => {
      await store.close();
      await subject.cleanup();
    });

    it('reads back what it appended, with revisions, positions and metadata', async () => {
      const s = stream('roundtrip');
      const result = await store.append(s, events(3), { expectedRevision: 'no_stream', metadata: meta });
      const read = await store.readStream(s);
      expect(read.map((e) => [e.stream, e.revision, e.type, e.data])).toEqual([
        [s, 0, 'Happened', { n: 0, nested: { ok: true } }],
        [s, 1, 'Happened', { n: 1, nested: { ok: true } }],
        [s, 2, 'Happened', { n: 2, nested: { ok: true } }],
      ]);
      expect(read.every((e) => JSON.stringify(e.metadata) === JSON.stringify(meta))).toBe(true);
      expect(new Set(read.map((e) => e.id)).size).toBe(3);
      expect(result).toEqual({ nextRevision: 2, position: read[2].position });
      expect(read[0].position).toBeLessThan(read[1].position);
    });

    it('reads a missing stream as empty', async () => {
      await expect(store.readStream(stream('missing'))).resolves.toEqual([]);
    });

    it('reads a stream from a revision', async () => {
      const s = stream('from');
      await store.append(s, events(5), { expectedRevision: 'no_stream', metadata: meta });
      expect((await store.readStream(s, { fromRevision: 3 })).map((e) => e.revision)).toEqual([3, 4]);
    });

    it('orders events of all streams in one global order', async () => {
      const [a, b] = [stream('a'), stream('b')];
      const start = await store.headPosition();
      await store.append(a, events(1, 'A1'), { expectedRevision: 'no_stream', metadata: meta });
      await store.append(b, events(1, 'B1'), { expectedRevision: 'no_stream', metadata: meta });
      await store.append(a, events(1, 'A2'), { expectedRevision: 0, metadata: meta });
      const all = await store.readAll({ fromPosition: start, filter: { streamPrefixes: [a, b] } });
      expect(all.map((e) => e.type)).toEqual(['A1', 'B1', 'A2']);
      expect(await store.headPosition()).toBe(all[2].position);
    });

    describe('expected revision', () => {
      it('no_stream: refuses an existing stream', async () => {
        const s = stream('ns');
        await store.append(s, events(1), { expectedRevision: 'no_stream', metadata: meta });
        await expect(store.append(s, events(1), { expectedRevision: 'no_stream', metadata: meta })).rejects.toMatchObject({
          name: 'WrongExpectedRevisionError',
          actual: 0,
        });
      });

      it('exists: refuses a missing stream, accepts an existing one', async () => {
        const s = stream('ex');
        await expect(store.append(s, events(1), { expectedRevision: 'exists', metadata: meta })).rejects.toMatchObject({
          actual: 'no_stream',
        });
        await store.append(s, events(1), { expectedRevision: 'any', metadata: meta });
        await expect(store.append(s, events(1), { expectedRevision: 'exists', metadata: meta })).resolves.toMatchObject({
          nextRevision: 1,
        });
      });

      it('any: appends whatever the stream holds', async () => {
        const s = stream('any');
        await store.append(s, events(1), { expectedRevision: 'any', metadata: meta });
        await expect(store.append(s, events(2), { expectedRevision: 'any', metadata: meta })).resolves.toMatchObject({
          nextRevision: 2,
        });
      });

      it('exact: accepts the current revision, refuses a stale one and writes nothing', async () => {
        const s = stream('exact');
        await store.append(s, events(2), { expectedRevision: 'no_stream', metadata: meta });
        const stale = store.append(s, events(3), { expectedRevision: 0, metadata: meta });
        await expect(stale).rejects.toBeInstanceOf(WrongExpectedRevisionError);
        await expect(stale).rejects.toMatchObject({ expected: 0, actual: 1 });
        expect(await store.readStream(s)).toHaveLength(2);
        await expect(store.append(s, events(1), { expectedRevision: 1, metadata: meta })).resolves.toMatchObject({
          nextRevision: 2,
        });
      });

      it('lets exactly one of many concurrent appenders win', async () => {
        const s = stream('race');
        await store.append(s, events(1), { expectedRevision: 'no_stream', metadata: meta });
        const outcomes = await Promise.allSettled(
          Array.from({ length: 20 }, (_, i) =>
            store.append(s, [{ type: 'Raced', data: { i } }], { expectedRevision: 0, metadata: meta }),
          ),
        );
        const won = outcomes.filter((o) => o.status === 'fulfilled');
        const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost.every((o) => o.reason instanceof WrongExpectedRevisionError)).toBe(true);
        expect(await store.readStream(s)).toHaveLength(2);
      });
    });

    it('keeps a large stream complete and in order', async () => {
      const s = stream('large');
      let expected: number | 'no_stream' = 'no_stream';
      for (let batch = 0; batch < 10; batch++) {
        const batchEvents = Array.from({ length: 500 }, (_, i) => ({ type: 'Bulk', data: { n: batch * 500 + i } }));
        expected = (await store.append(s, batchEvents, { expectedRevision: expected, metadata: meta })).nextRevision;
      }
      const read = await store.readStream(s);
      expect(read).toHaveLength(5000);
      expect(read.every((e, i) => e.revision === i && e.data.n === i)).toBe(true);
    });

    it('pages the global order with an exclusive start, a maximum and filters', async () => {
      const [a, b] = [stream('pa'), stream('pb')];
      const start = await store.headPosition();
      await store.append(a, events(3, 'Kept'), { expectedRevision: 'no_stream', metadata: meta });
      await store.append(b, events(2, 'Other'), { expectedRevision: 'no_stream', metadata: meta });
      const first = await store.readAll({ fromPosition: start, maxCount: 2, filter: { streamPrefixes: [a, b] } });
      const rest = await store.readAll({ fromPosition: first[1].position, filter: { streamPrefixes: [a, b] } });
      expect([...first, ...rest].map((e) => e.stream)).toEqual([a, a, a, b, b]);
      const byType = await store.readAll({ fromPosition: start, filter: { eventTypes: ['Other'], streamPrefixes: [a, b] } });
      expect(byType.map((e) => e.stream)).toEqual([b, b]);
    });

    it('catches a subscription up, then delivers live events', async () => {
      const s = stream('sub');
      const start = await store.headPosition();
      await store.append(s, events(3), { expectedRevision: 'no_stream', metadata: meta });
      const subscription = store.subscribe({ fromPosition: start, filter: { streamPrefixes: [s] } });
      const received = take(subscription, 5);
      await store.append(s, events(2, 'Live'), { expectedRevision: 2, metadata: meta });
      const got = await received;
      await subscription.close();
      expect(got.map((e) => [e.revision, e.type])).toEqual([
        [0, 'Happened'],
        [1, 'Happened'],
        [2, 'Happened'],
        [3, 'Live'],
        [4, 'Live'],
      ]);
    });

    it('subscribes from a middle position, exclusively', async () => {
      const s = stream('mid');
      await store.append(s, events(4), { expectedRevision: 'no_stream', metadata: meta });
      const read = await store.readStream(s);
      const subscription = store.subscribe({ fromPosition: read[1].position, filter: { streamPrefixes: [s] } });
      const got = await take(subscription, 2);
      await subscription.close();
      expect(got.map((e) => e.revision)).toEqual([2, 3]);
    });

    it('filters a subscription by event type', async () => {
      const s = stream('subtype');
      const start = await store.headPosition();
      await store.append(s, [...events(2, 'Skip'), ...events(1, 'Want')], { expectedRevision: 'no_stream', metadata: meta });
      const subscription = store.subscribe({ fromPosition: start, filter: { streamPrefixes: [s], eventTypes: ['Want'] } });
      const got = await take(subscription, 1);
      await subscription.close();
      expect(got.map((e) => e.type)).toEqual(['Want']);
    });

    it('ends a waiting subscription when it is closed', async () => {
      const subscription = store.subscribe({ fromPosition: await store.headPosition(), filter: { streamPrefixes: [stream('idle')] } });
      const iterator = subscription[Symbol.asyncIterator]();
      const next = iterator.next();
      await subscription.close();
      await expect(next).resolves.toMatchObject({ done: true });
    });

    it('keeps everything across a restart', async () => {
      const s = stream('restart');
      await store.append(s, events(3), { expectedRevision: 'no_stream', metadata: meta });
      const head = await store.headPosition();
      await store.close();
      store = await subject.reopen();
      expect((await store.readStream(s)).map((e) => e.data.n)).toEqual([0, 1, 2]);
      expect(await store.headPosition()).toBe(head);
      await expect(store.append(s, events(1), { expectedRevision: 2, metadata: meta })).resolves.toMatchObject({
        nextRevision: 3,
      });
    });
  });
}
