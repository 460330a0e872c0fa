import { AccessDeniedError, AllStreamRecordedEvent, UnavailableError } from '@eventstore/db-client';
import { EventStoreError } from '../event-store-error';
import { RecordedEvent } from '../event-store.port';
import { SubscriptionDrop, SubscriptionHealth } from '../subscription-health';
import { esdbEvent } from '../testing/esdb-event.fixture';
import {
  AllSubscriptionItem,
  CheckpointItem,
  DroppableSubscription,
} from './esdb-all-subscription';
import { ResubscribeOptions, resubscribingSubscription } from './esdb-resubscribing-subscription';

/** One scripted step of a fake server subscription: an event at a position, a checkpoint, or a drop. */
type Step = number | Error | AllStreamRecordedEvent | CheckpointItem;

const unavailable = (): Error => new UnavailableError(undefined, 'connection reset');

/** Plays its script, then stays open like a live subscription until unsubscribed. */
class FakeSubscription implements DroppableSubscription {
  unsubscribed = false;
  private release: () => void = () => undefined;

  constructor(
    private readonly script: readonly Step[],
    private readonly staysOpen = true,
  ) {}

  async *[Symbol.asyncIterator](): AsyncGenerator<AllSubscriptionItem> {
    for (const step of this.script) {
      if (step instanceof Error) throw step;
      if (typeof step === 'object' && 'checkpoint' in step) yield step;
      else yield { event: typeof step === 'number' ? at(step) : step };
    }
    if (this.staysOpen && !this.unsubscribed)
      await new Promise<void>((resolve) => (this.release = resolve));
  }

  async unsubscribe(): Promise<void> {
    this.unsubscribed = true;
    this.release();
  }
}

const at = (position: number, type = 'KeyCreated'): AllStreamRecordedEvent =>
  esdbEvent({ type, position: { commit: BigInt(position), prepare: BigInt(position) } });

/** A fake server: each call to subscribe plays the next script. */
function server(...subscriptions: FakeSubscription[]) {
  const requestedAfter: number[] = [];
  const drops: SubscriptionDrop[] = [];
  const health = new SubscriptionHealth();
  health.onDrop((drop) => drops.push(drop));
  const store = new AbortController();
  const subscribe = (options: Partial<ResubscribeOptions> = {}) =>
    resubscribingSubscription(
      (after) => {
        requestedAfter.push(after);
        const next = subscriptions.shift();
        if (!next) throw new Error('the test scripted no more subscriptions');
        return next;
      },
      {
        fromPosition: 0,
        backoff: { initialMs: 1, maxMs: 3 },
        signal: store.signal,
        health,
        ...options,
      },
    );
  return { subscribe, requestedAfter, drops, health, store };
}

async function positions(iterator: AsyncIterator<RecordedEvent>, count: number): Promise<number[]> {
  const taken: number[] = [];
  while (taken.length < count) taken.push((await iterator.next()).value.position);
  return taken;
}

describe('resubscribingSubscription', () => {
  it('resumes after a drop from the last delivered position, delivering nothing twice', async () => {
    const fake = server(
      new FakeSubscription([10, 20, unavailable()]),
      new FakeSubscription([20, 30]),
    );
    const subscription = fake.subscribe({ fromPosition: 5 });
    expect(await positions(subscription[Symbol.asyncIterator](), 3)).toEqual([10, 20, 30]);
    expect(fake.health.report().status).toBe('ok');
    await subscription.close();
    expect(fake.requestedAfter).toEqual([5, 20]);
    expect(fake.drops).toEqual([
      {
        kind: 'unavailable',
        message: expect.stringContaining('connection reset'),
        permanent: false,
        position: 20,
        attempt: 1,
        retryInMs: 1,
      },
    ]);
  });

  it('resumes after the last server checkpoint, counting drops without progress', async () => {
    const retrying = new FakeSubscription([unavailable()]);
    const fake = server(
      new FakeSubscription([{ checkpoint: 50 }, unavailable()]),
      retrying,
      new FakeSubscription([60]),
    );
    const subscription = fake.subscribe({ fromPosition: 5 });
    const first = subscription[Symbol.asyncIterator]().next();
    expect((await first).value.position).toBe(60);
    await subscription.close();
    // The filter skipped 6..50 on the server: after the drop it does not look there again.
    expect(fake.requestedAfter).toEqual([5, 50, 50]);
    expect(fake.drops.map((d) => [d.position, d.attempt])).toEqual([
      [50, 1],
      [50, 2],
    ]);
  });

  it('gives up on a permanent failure: the iteration throws a typed error and health fails', async () => {
    const fake = server(new FakeSubscription([1, new AccessDeniedError()]));
    const iterator = fake.subscribe()[Symbol.asyncIterator]();
    expect((await iterator.next()).value.position).toBe(1);
    const failed = iterator.next();
    await expect(failed).rejects.toBeInstanceOf(EventStoreError);
    await expect(failed).rejects.toMatchObject({ kind: 'access_denied' });
    expect(fake.requestedAfter).toEqual([0]);
    expect(fake.health.report()).toMatchObject({
      status: 'failed',
      last_drop: { kind: 'access_denied', permanent: true, retryInMs: null, position: 1 },
    });
  });

  it('gives up on an error it does not know rather than retrying it forever', async () => {
    const fake = server(new FakeSubscription([new TypeError('bug')]));
    await expect(fake.subscribe()[Symbol.asyncIterator]().next()).rejects.toThrow('bug');
    expect(fake.drops).toMatchObject([{ kind: 'unknown', permanent: true }]);
  });

  it('waits longer after each failed attempt, up to the maximum, and starts over after an event', async () => {
    const fail = (): FakeSubscription => new FakeSubscription([unavailable()]);
    const fake = server(
      fail(),
      fail(),
      fail(),
      new FakeSubscription([7, unavailable()]),
      new FakeSubscription([8]),
    );
    const subscription = fake.subscribe();
    expect(await positions(subscription[Symbol.asyncIterator](), 2)).toEqual([7, 8]);
    await subscription.close();
    expect(fake.drops.map((d) => d.retryInMs)).toEqual([1, 2, 3, 1]);
    expect(fake.requestedAfter).toEqual([0, 0, 0, 0, 7]);
  });

  it('treats a subscription the server ended as dropped', async () => {
    const fake = server(new FakeSubscription([1], false), new FakeSubscription([2]));
    const subscription = fake.subscribe();
    expect(await positions(subscription[Symbol.asyncIterator](), 2)).toEqual([1, 2]);
    await subscription.close();
    expect(fake.requestedAfter).toEqual([0, 1]);
    expect(fake.drops).toMatchObject([{ kind: 'ended_by_server', permanent: false }]);
  });

  it('applies the exact filter to what the server sends', async () => {
    const fake = server(
      new FakeSubscription([at(1, 'KeyCreatedLater'), at(2, 'KeyCreated'), at(3, '$system')]),
    );
    const subscription = fake.subscribe({ filter: { eventTypes: ['KeyCreated'] } });
    expect(await positions(subscription[Symbol.asyncIterator](), 1)).toEqual([2]);
    await subscription.close();
  });

  it('ends a pending next() and unsubscribes when closed', async () => {
    const live = new FakeSubscription([]);
    const subscription = server(live).subscribe();
    const next = subscription[Symbol.asyncIterator]().next();
    await subscription.close();
    await expect(next).resolves.toMatchObject({ done: true });
    expect(live.unsubscribed).toBe(true);
  });

  it('ends when the store closes', async () => {
    const fake = server(new FakeSubscription([]));
    const next = fake.subscribe()[Symbol.asyncIterator]().next();
    fake.store.abort();
    await expect(next).resolves.toMatchObject({ done: true });
  });

  it('hands an event it cannot map to the consumer instead of resubscribing forever', async () => {
    const unmappable = esdbEvent({
      position: undefined,
    } as unknown as Partial<AllStreamRecordedEvent>);
    const fake = server(new FakeSubscription([unmappable]));
    await expect(fake.subscribe()[Symbol.asyncIterator]().next()).rejects.toThrow(
      /no \$all position/,
    );
    expect(fake.requestedAfter).toEqual([0]);
    expect(fake.health.report().status).toBe('failed');
  });
});
