import { AllStreamRecordedEvent, AllStreamResolvedEvent } from '@eventstore/db-client';
import { RecordedEvent } from '../event-store.port';
import { esdbEvent } from '../testing/esdb-event.fixture';
import {
  DroppableSubscription,
  ResubscribeOptions,
  resubscribingSubscription,
} from './esdb-resubscribing-subscription';

/** One scripted step of a fake server subscription: an event at a position, or a drop. */
type Step = number | Error | AllStreamRecordedEvent;

/** Plays its script, then stays open like a live subscription until unsubscribed. */
class FakeSubscription implements DroppableSubscription {
  unsubscribed = false;
  private release: () => void = () => undefined;

  constructor(
    private readonly script: readonly Step[],
    private readonly staysOpen = true,
  ) {}

  async *[Symbol.asyncIterator](): AsyncGenerator<AllStreamResolvedEvent> {
    for (const step of this.script) {
      if (step instanceof Error) throw step;
      yield { event: typeof step === 'number' ? at(step) : step };
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
  const drops: { error: unknown; retryInMs: number }[] = [];
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
        onDropped: (error, retryInMs) => drops.push({ error, retryInMs }),
        ...options,
      },
    );
  return { subscribe, requestedAfter, drops, store };
}

async function positions(iterator: AsyncIterator<RecordedEvent>, count: number): Promise<number[]> {
  const taken: number[] = [];
  while (taken.length < count) taken.push((await iterator.next()).value.position);
  return taken;
}

describe('resubscribingSubscription', () => {
  it('resumes after a drop from the last delivered position, delivering nothing twice', async () => {
    const drop = new Error('connection reset');
    const fake = server(new FakeSubscription([10, 20, drop]), new FakeSubscription([20, 30]));
    const subscription = fake.subscribe({ fromPosition: 5 });
    expect(await positions(subscription[Symbol.asyncIterator](), 3)).toEqual([10, 20, 30]);
    await subscription.close();
    expect(fake.requestedAfter).toEqual([5, 20]);
    expect(fake.drops).toEqual([{ error: drop, retryInMs: 1 }]);
  });

  it('waits longer after each failed attempt, up to the maximum, and starts over after an event', async () => {
    const fail = (): FakeSubscription => new FakeSubscription([new Error('unavailable')]);
    const fake = server(
      fail(),
      fail(),
      fail(),
      new FakeSubscription([7, new Error('again')]),
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
  });
});
