import { randomUUID } from 'node:crypto';
import { EventStore, NewEvent, RecordedEvent } from '../event-store.port';
import { WrongExpectedRevisionError } from '../expected-revision';
import { eventually } from './eventually';
import { testMetadata } from './fixtures';

/**
 * An adapter under test. `reopen` closes nothing itself: the suite closes the store first, then
 * asks for a new one on the same data. It is required so that the restart test can never pass
 * without having restarted anything.
 */
export interface ContractSubject {
  readonly store: EventStore;
  readonly reopen: () => Promise<EventStore>;
  readonly cleanup: () => Promise<void>;
  /** How to make the store's server misbehave: required when the suite runs `withFaults`. */
  readonly faults?: ContractFaults;
}

/** Faults of a networked store's server, e.g. through a `TcpFaultProxy`. */
export interface ContractFaults {
  /** Cuts every connection and refuses new ones until `comeBack`. */
  goAway(): void;
  comeBack(): void;
  /**
   * Lets requests reach the server but loses its answers for longer than the store's append
   * deadline, then cuts the connections; resolves once connections are accepted again.
   */
  loseAnswers(): Promise<void>;
}

/** Which optional parts of the suite an adapter runs. */
export interface ContractOptions {
  /** Server faults: only a networked store has a server to lose. */
  readonly withFaults?: boolean;
}

const LARGE_TEST_TIMEOUT_MS = 60_000;

const events = (count: number, type = 'Happened'): NewEvent[] =>
  Array.from({ length: count }, (_, n) => ({ type, data: { n, nested: { ok: true } } }));

/** Reads the next `count` events of an iterator. */
async function take(
  iterator: AsyncIterator<RecordedEvent>,
  count: number,
): Promise<RecordedEvent[]> {
  const taken: RecordedEvent[] = [];
  while (taken.length < count) {
    const next = await iterator.next();
    if (next.done) throw new Error(`subscription ended after ${taken.length} of ${count} events`);
    taken.push(next.value);
  }
  return taken;
}

/** The behaviour every EventStore adapter must have; streams are unique per test, so a shared server works. */
export function describeEventStoreContract(
  name: string,
  open: () => Promise<ContractSubject>,
  options: ContractOptions = {},
): void {
  describe(`EventStore contract: ${name}`, () => {
    let subject: ContractSubject;
    let store: EventStore;
    const stream = (label: string): string => `contract_${label}-${randomUUID()}`;
    const metadata = testMetadata();
    const revisionsOf = async (s: string): Promise<number[]> =>
      (await store.readStream(s)).map((e) => e.revision);

    beforeEach(async () => {
      subject = await open();
      store = subject.store;
    });
    afterEach(async () => {
      await store.close();
      await subject.cleanup();
    });

    describe('append and read', () => {
      it('reads back what it appended, with ids, revisions, positions and metadata', async () => {
        const s = stream('roundtrip');
        const result = await store.append(s, events(3), {
          expectedRevision: 'no_stream',
          metadata,
        });
        const read = await store.readStream(s);
        expect(read.map((e) => [e.stream, e.revision, e.type, e.data])).toEqual([
          [s, 0, 'Happened', { n: 0, nested: { ok: true } }],
          [s, 1, 'Happened', { n: 1, nested: { ok: true } }],
          [s, 2, 'Happened', { n: 2, nested: { ok: true } }],
        ]);
        expect(read.map((e) => e.metadata)).toEqual([metadata, metadata, metadata]);
        expect(new Set(read.map((e) => e.id)).size).toBe(3);
        expect(read.every((e) => !Number.isNaN(Date.parse(e.recorded_at)))).toBe(true);
        expect(result).toEqual({ nextRevision: 2, position: read[2].position });
      });

      it('refuses an empty append, which would record no decision', async () => {
        const s = stream('empty');
        await expect(store.append(s, [], { expectedRevision: 'any', metadata })).rejects.toThrow(
          RangeError,
        );
        expect(await store.readStream(s)).toEqual([]);
      });

      it('reads a missing stream as empty', async () => {
        await expect(store.readStream(stream('missing'))).resolves.toEqual([]);
      });

      it('reads a stream from a revision', async () => {
        const s = stream('from');
        await store.append(s, events(5), { expectedRevision: 'no_stream', metadata });
        expect((await store.readStream(s, { fromRevision: 3 })).map((e) => e.revision)).toEqual([
          3, 4,
        ]);
      });

      it('orders the events of all streams in one increasing global order', async () => {
        const [a, b] = [stream('a'), stream('b')];
        const start = await store.headPosition();
        await store.append(a, events(1, 'A1'), { expectedRevision: 'no_stream', metadata });
        await store.append(b, events(2, 'B1'), { expectedRevision: 'no_stream', metadata });
        const last = await store.append(a, events(1, 'A2'), { expectedRevision: 0, metadata });
        const all = await store.readAll({
          fromPosition: start,
          filter: { streamPrefixes: [a, b] },
        });
        expect(all.map((e) => e.type)).toEqual(['A1', 'B1', 'B1', 'A2']);
        const positions = all.map((e) => e.position);
        expect(positions).toEqual([...positions].sort((x, y) => x - y));
        expect(new Set(positions).size).toBe(4);
        expect(positions[0]).toBeGreaterThan(start);
        expect(await store.headPosition()).toBeGreaterThanOrEqual(last.position);
      });

      it(
        'keeps a large stream complete and in order, for reads and for subscriptions',
        async () => {
          const s = stream('large');
          const start = await store.headPosition();
          let expectedRevision: number | 'no_stream' = 'no_stream';
          for (let batch = 0; batch < 10; batch++) {
            const batchEvents = Array.from({ length: 500 }, (_, i) => ({
              type: 'Bulk',
              data: { n: batch * 500 + i },
            }));
            ({ nextRevision: expectedRevision } = await store.append(s, batchEvents, {
              expectedRevision,
              metadata,
            }));
          }
          const read = await store.readStream(s);
          expect(read.map((e) => e.data.n)).toEqual(read.map((_, i) => i));
          expect(read.map((e) => e.revision)).toEqual(read.map((_, i) => i));
          expect(read).toHaveLength(5000);

          const subscription = store.subscribe({
            fromPosition: start,
            filter: { streamPrefixes: [s] },
          });
          const delivered = await take(subscription[Symbol.asyncIterator](), 5000);
          await subscription.close();
          expect(delivered.map((e) => e.id)).toEqual(read.map((e) => e.id));
        },
        LARGE_TEST_TIMEOUT_MS,
      );
    });

    describe('expected revision', () => {
      it('no_stream: accepts a new stream, refuses an existing one and writes nothing', async () => {
        const s = stream('no-stream');
        await expect(
          store.append(s, events(1), { expectedRevision: 'no_stream', metadata }),
        ).resolves.toMatchObject({
          nextRevision: 0,
        });
        const refused = store.append(s, events(2), { expectedRevision: 'no_stream', metadata });
        await expect(refused).rejects.toBeInstanceOf(WrongExpectedRevisionError);
        await expect(refused).rejects.toMatchObject({
          stream: s,
          expected: 'no_stream',
          actual: 0,
        });
        expect(await revisionsOf(s)).toEqual([0]);
      });

      it('exists: refuses a missing stream and writes nothing, accepts an existing one', async () => {
        const s = stream('exists');
        const refused = store.append(s, events(1), { expectedRevision: 'exists', metadata });
        await expect(refused).rejects.toBeInstanceOf(WrongExpectedRevisionError);
        await expect(refused).rejects.toMatchObject({ expected: 'exists', actual: 'no_stream' });
        expect(await revisionsOf(s)).toEqual([]);
        await store.append(s, events(1), { expectedRevision: 'any', metadata });
        await expect(
          store.append(s, events(1), { expectedRevision: 'exists', metadata }),
        ).resolves.toMatchObject({
          nextRevision: 1,
        });
      });

      it('any: appends to a missing or an existing stream', async () => {
        const s = stream('any');
        await expect(
          store.append(s, events(1), { expectedRevision: 'any', metadata }),
        ).resolves.toMatchObject({
          nextRevision: 0,
        });
        await expect(
          store.append(s, events(2), { expectedRevision: 'any', metadata }),
        ).resolves.toMatchObject({
          nextRevision: 2,
        });
      });

      it('exact: accepts the current revision, refuses a stale or missing one and writes nothing', async () => {
        const s = stream('exact');
        await expect(
          store.append(s, events(1), { expectedRevision: 0, metadata }),
        ).rejects.toMatchObject({
          expected: 0,
          actual: 'no_stream',
        });
        await store.append(s, events(2), { expectedRevision: 'no_stream', metadata });
        const stale = store.append(s, events(3), { expectedRevision: 0, metadata });
        await expect(stale).rejects.toBeInstanceOf(WrongExpectedRevisionError);
        await expect(stale).rejects.toMatchObject({ expected: 0, actual: 1 });
        expect(await revisionsOf(s)).toEqual([0, 1]);
        await expect(
          store.append(s, events(1), { expectedRevision: 1, metadata }),
        ).resolves.toMatchObject({
          nextRevision: 2,
        });
      });

      it('lets exactly one of many concurrent appenders on the same revision win', async () => {
        const s = stream('race');
        await store.append(s, events(1), { expectedRevision: 'no_stream', metadata });
        const outcomes = await Promise.allSettled(
          Array.from({ length: 20 }, (_, i) =>
            store.append(s, [{ type: 'Raced', data: { i } }], { expectedRevision: 0, metadata }),
          ),
        );
        const won = outcomes.filter((o) => o.status === 'fulfilled');
        const lost = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason] : []));
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(19);
        expect(
          lost.every(
            (reason) => reason instanceof WrongExpectedRevisionError && reason.actual === 1,
          ),
        ).toBe(true);
        expect(await revisionsOf(s)).toEqual([0, 1]);
      });
    });

    describe('appendBatch', () => {
      it('appends to several streams, each checked as append checks it, results in order', async () => {
        const [a, b] = [stream('batch-a'), stream('batch-b')];
        await store.append(a, events(1), { expectedRevision: 'no_stream', metadata });
        const results = await store.appendBatch([
          { stream: a, events: events(2), options: { expectedRevision: 'any', metadata } },
          { stream: b, events: events(1), options: { expectedRevision: 'no_stream', metadata } },
        ]);
        expect(results.map((r) => r.nextRevision)).toEqual([2, 0]);
        expect(results[1].position).toBeGreaterThan(results[0].position);
        expect(await revisionsOf(a)).toEqual([0, 1, 2]);
        expect(await revisionsOf(b)).toEqual([0]);
      });

      it('refuses a stale expected revision, writing nothing of that stream', async () => {
        const [a, b] = [stream('batch-stale-a'), stream('batch-stale-b')];
        await store.append(b, events(1), { expectedRevision: 'no_stream', metadata });
        const refused = store.appendBatch([
          { stream: b, events: events(1), options: { expectedRevision: 'no_stream', metadata } },
          { stream: a, events: events(1), options: { expectedRevision: 'no_stream', metadata } },
        ]);
        await expect(refused).rejects.toBeInstanceOf(WrongExpectedRevisionError);
        expect(await revisionsOf(b)).toEqual([0]);
        // The failed append comes first: neither store has written the one after it.
        expect(await revisionsOf(a)).toEqual([]);
      });

      it('refuses an empty append inside a batch', async () => {
        await expect(
          store.appendBatch([
            {
              stream: stream('batch-empty'),
              events: [],
              options: { expectedRevision: 'any', metadata },
            },
          ]),
        ).rejects.toBeInstanceOf(RangeError);
      });
    });

    describe('caller-chosen event ids', () => {
      it('keeps the id given, and records a repeat to a new stream once', async () => {
        const s = stream('deterministic');
        const id = randomUUID();
        const event: NewEvent = { id, type: 'Once', data: { n: 1 } };
        await store.append(s, [event], { expectedRevision: 'no_stream', metadata });
        // SQLite refuses the repeat (the stream exists); EventStoreDB acknowledges it as the
        // write it already made. Either way nothing more is stored.
        await store
          .append(s, [event], { expectedRevision: 'no_stream', metadata })
          .catch((error: unknown) => expect(error).toBeInstanceOf(WrongExpectedRevisionError));
        const stored = await store.readStream(s);
        expect(stored.map((e) => e.id)).toEqual([id]);
      });
    });

    it('pages the global order with an exclusive start, a maximum and filters', async () => {
      const [a, b] = [stream('page-a'), stream('page-b')];
      const both = { streamPrefixes: [a, b] };
      const start = await store.headPosition();
      await store.append(a, events(3, 'Kept'), { expectedRevision: 'no_stream', metadata });
      await store.append(b, events(2, 'Other'), { expectedRevision: 'no_stream', metadata });
      const first = await store.readAll({ fromPosition: start, maxCount: 2, filter: both });
      const second = await store.readAll({
        fromPosition: first[1].position,
        maxCount: 2,
        filter: both,
      });
      const last = await store.readAll({
        fromPosition: second[1].position,
        maxCount: 2,
        filter: both,
      });
      expect(
        [first, second, last].map((page) =>
          page.map((e) => `${e.stream === a ? 'a' : 'b'}${e.revision}`),
        ),
      ).toEqual([['a0', 'a1'], ['a2', 'b0'], ['b1']]);
      const byType = await store.readAll({
        fromPosition: start,
        filter: { ...both, eventTypes: ['Other'] },
      });
      expect(byType.map((e) => [e.stream, e.type])).toEqual([
        [b, 'Other'],
        [b, 'Other'],
      ]);
      expect(
        await store.readAll({ fromPosition: start, filter: { streamPrefixes: [b] } }),
      ).toHaveLength(2);
    });

    describe('subscribe', () => {
      it('catches up on existing events, then delivers events appended later', async () => {
        const s = stream('sub');
        const start = await store.headPosition();
        await store.append(s, events(3), { expectedRevision: 'no_stream', metadata });
        const subscription = store.subscribe({
          fromPosition: start,
          filter: { streamPrefixes: [s] },
        });
        const iterator = subscription[Symbol.asyncIterator]();
        const caughtUp = await take(iterator, 3);
        await store.append(s, events(2, 'Live'), { expectedRevision: 2, metadata });
        const live = await take(iterator, 2);
        await subscription.close();
        expect([...caughtUp, ...live].map((e) => [e.revision, e.type])).toEqual([
          [0, 'Happened'],
          [1, 'Happened'],
          [2, 'Happened'],
          [3, 'Live'],
          [4, 'Live'],
        ]);
      });

      it('starts after a middle position, exclusively', async () => {
        const s = stream('mid');
        await store.append(s, events(4), { expectedRevision: 'no_stream', metadata });
        const read = await store.readStream(s);
        const subscription = store.subscribe({
          fromPosition: read[1].position,
          filter: { streamPrefixes: [s] },
        });
        const got = await take(subscription[Symbol.asyncIterator](), 2);
        await subscription.close();
        expect(got.map((e) => e.revision)).toEqual([2, 3]);
      });

      it('delivers only the filtered streams and event types', async () => {
        const [wanted, other] = [stream('sub-wanted'), stream('sub-other')];
        const start = await store.headPosition();
        await store.append(other, events(1, 'Want'), { expectedRevision: 'no_stream', metadata });
        await store.append(wanted, [...events(2, 'Skip'), ...events(1, 'Want')], {
          expectedRevision: 'no_stream',
          metadata,
        });
        const subscription = store.subscribe({
          fromPosition: start,
          filter: { streamPrefixes: [wanted], eventTypes: ['Want'] },
        });
        const iterator = subscription[Symbol.asyncIterator]();
        const caughtUp = await take(iterator, 1);
        await store.append(wanted, events(1, 'Skip'), { expectedRevision: 2, metadata });
        await store.append(wanted, events(1, 'Want'), { expectedRevision: 3, metadata });
        const live = await take(iterator, 1);
        await subscription.close();
        expect([...caughtUp, ...live].map((e) => [e.stream, e.revision, e.type])).toEqual([
          [wanted, 2, 'Want'],
          [wanted, 4, 'Want'],
        ]);
      });

      it('ends a waiting iteration when closed', async () => {
        const subscription = store.subscribe({
          fromPosition: await store.headPosition(),
          filter: { streamPrefixes: [stream('idle')] },
        });
        const iterator = subscription[Symbol.asyncIterator]();
        const next = iterator.next();
        await subscription.close();
        await expect(next).resolves.toMatchObject({ done: true });
        await expect(iterator.next()).resolves.toMatchObject({ done: true });
      });
    });

    it('reports the head position: at least the position of the last append', async () => {
      const before = await store.headPosition();
      const { position } = await store.append(stream('head'), events(2), {
        expectedRevision: 'no_stream',
        metadata,
      });
      expect(position).toBeGreaterThan(before);
      expect(await store.headPosition()).toBeGreaterThanOrEqual(position);
    });

    it(
      'answers 200 reads in a row that each stop early (one event of many, the head)',
      async () => {
        const s = stream('early');
        const start = await store.headPosition();
        await store.append(s, events(3), { expectedRevision: 'no_stream', metadata });
        const filter = { streamPrefixes: [s] };
        for (let round = 0; round < 200; round++) {
          const [first] = await store.readAll({ fromPosition: start, maxCount: 1, filter });
          expect(first).toMatchObject({ stream: s, revision: 0 });
          expect(await store.headPosition()).toBeGreaterThan(start);
        }
        expect(await revisionsOf(s)).toEqual([0, 1, 2]);
      },
      LARGE_TEST_TIMEOUT_MS,
    );

    if (options.withFaults) {
      describe('server faults', () => {
        const faultsOf = (): ContractFaults => {
          if (!subject.faults) throw new Error(`${name} runs withFaults but gave no faults`);
          return subject.faults;
        };

        it(
          'keeps a subscription whose server goes away: degraded meanwhile, then it delivers what comes next',
          async () => {
            const s = stream('away');
            const start = await store.headPosition();
            await store.append(s, events(1), { expectedRevision: 'no_stream', metadata });
            const subscription = store.subscribe({
              fromPosition: start,
              filter: { streamPrefixes: [s] },
            });
            const iterator = subscription[Symbol.asyncIterator]();
            await take(iterator, 1);
            const next = iterator.next();
            faultsOf().goAway();
            await eventually(() => store.subscriptionHealth.report().status === 'degraded');
            faultsOf().comeBack();
            await store.append(s, events(1, 'AfterComingBack'), { expectedRevision: 0, metadata });
            expect((await next).value).toMatchObject({ type: 'AfterComingBack', revision: 1 });
            expect(store.subscriptionHealth.report().status).toBe('ok');
            await subscription.close();
          },
          LARGE_TEST_TIMEOUT_MS,
        );

        it(
          'writes once an append whose answer was lost: the retry after the deadline is recognised',
          async () => {
            const s = stream('lost-answer');
            const lost = faultsOf().loseAnswers();
            const result = await store.append(s, events(2), {
              expectedRevision: 'no_stream',
              metadata,
            });
            await lost;
            expect(result.nextRevision).toBe(1);
            expect(await revisionsOf(s)).toEqual([0, 1]);
          },
          LARGE_TEST_TIMEOUT_MS,
        );
      });
    }

    it('keeps everything across a restart', async () => {
      const s = stream('restart');
      const { position } = await store.append(s, events(3), {
        expectedRevision: 'no_stream',
        metadata,
      });
      const before = await store.readStream(s);
      await store.close();
      store = await subject.reopen();
      expect(await store.readStream(s)).toEqual(before);
      expect(await store.headPosition()).toBeGreaterThanOrEqual(position);
      await expect(
        store.append(s, events(1), { expectedRevision: 2, metadata }),
      ).resolves.toMatchObject({
        nextRevision: 3,
      });
    });
  });
}
