import { setTimeout as sleep } from 'node:timers/promises';
import { matchesFilter } from '../event-filter';
import { EventStoreError } from '../event-store-error';
import { EventFilter, EventSubscription, RecordedEvent } from '../event-store.port';
import { SubscriptionDrop, SubscriptionHealth } from '../subscription-health';
import { DroppableSubscription, isSignal } from './esdb-all-subscription';
import { toStoreError } from './esdb-errors';
import { fromEsdbEvent } from './esdb-mapping';

/** Waits between attempts to resubscribe: doubling from `initialMs` up to `maxMs`. */
export interface Backoff {
  readonly initialMs: number;
  readonly maxMs: number;
}

/** Where to start, what to deliver, and how to behave when the server drops the subscription. */
export interface ResubscribeOptions {
  /** Exclusive; 0 for the beginning. */
  readonly fromPosition: number;
  /** Applied exactly here, whatever the server filtered already. */
  readonly filter?: EventFilter;
  readonly backoff: Backoff;
  /** Ends the subscription when aborted: the store's own close. */
  readonly signal: AbortSignal;
  /** Told of every drop and recovery (it logs, counts and answers /health). */
  readonly health: SubscriptionHealth;
}

/**
 * A node that keeps answering "not leader" this many times in a row without the client's
 * redirect helping (a cluster that has no leader the client can reach) will not change by itself.
 */
const NOT_LEADER_GIVE_UP = 5;

/** What a drop means: retried (a restart, a timeout, a leader election) or given up. */
function classifyDrop(
  thrown: unknown,
  attempt: number,
): Pick<SubscriptionDrop, 'kind' | 'message' | 'permanent'> & { readonly error: unknown } {
  if (thrown === null) {
    return {
      kind: 'ended_by_server',
      message: 'the server ended the subscription',
      permanent: false,
      error: null,
    };
  }
  const error = toStoreError(thrown);
  const message = error instanceof Error ? error.message : String(error);
  if (!(error instanceof EventStoreError))
    return { kind: 'unknown', message, permanent: true, error };
  const permanent =
    !error.transient || (error.kind === 'not_leader' && attempt >= NOT_LEADER_GIVE_UP);
  return { kind: error.kind, message, permanent, error };
}

/**
 * A `$all` subscription that survives transient drops: the client does not resubscribe by
 * itself, so this opens a new one after the last position delivered or checkpointed by the
 * server, waiting longer after each failed attempt. A permanent failure (access denied, an event
 * it cannot map, an unknown error) ends the iteration with that error, so the consumer learns of
 * it; every drop is reported to `health`. It pulls events one by one (never `.on('data')`), so
 * the consumer finishes with an event before the next arrives.
 */
export function resubscribingSubscription(
  subscribeAfter: (position: number) => DroppableSubscription,
  options: ResubscribeOptions,
): EventSubscription {
  const closing = new AbortController();
  const signal = AbortSignal.any([closing.signal, options.signal]);
  const identity = {};
  let current: DroppableSubscription | null = null;
  // Unsubscribing ends the client's stream, which settles a pending pull and so ends ours.
  signal.addEventListener('abort', () => void current?.unsubscribe().catch(() => undefined), {
    once: true,
  });

  async function* events(): AsyncGenerator<RecordedEvent> {
    let last = options.fromPosition;
    let delay = options.backoff.initialMs;
    let attempt = 0;
    const progressed = (): void => {
      attempt = 0;
      delay = options.backoff.initialMs;
      options.health.recovered(identity);
    };
    try {
      while (!signal.aborted) {
        const subscription = (current = subscribeAfter(last));
        const iterator = subscription[Symbol.asyncIterator]();
        let dropped: unknown = null;
        try {
          while (!signal.aborted) {
            const step = await pull(iterator);
            if ('error' in step) {
              dropped = step.error;
              break;
            }
            if (step.done) break;
            const item = step.value;
            if (isSignal(item)) {
              if ('checkpoint' in item && item.checkpoint > last) last = item.checkpoint;
              progressed();
              continue;
            }
            let event: RecordedEvent | null;
            try {
              event = fromEsdbEvent(item.event);
            } catch (error) {
              // Resubscribing would meet the same event again: a permanent failure.
              dropped = error;
              break;
            }
            // The start is exclusive already; this guards against replays around a resubscribe.
            if (!event || event.position <= last) continue;
            last = event.position;
            progressed();
            if (matchesFilter(event, options.filter)) yield event;
          }
        } finally {
          await subscription.unsubscribe().catch(() => undefined);
        }
        if (signal.aborted) return;
        attempt++;
        const { error, ...drop } = classifyDrop(dropped, attempt);
        options.health.dropped(identity, {
          ...drop,
          position: last,
          attempt,
          retryInMs: drop.permanent ? null : delay,
        });
        if (drop.permanent) throw error;
        // Rejects only when aborted, which the loop condition then sees.
        await sleep(delay, undefined, { signal }).catch(() => undefined);
        delay = Math.min(delay * 2, options.backoff.maxMs);
      }
    } finally {
      if (signal.aborted) options.health.recovered(identity);
    }
  }

  const iterator = events();
  return {
    [Symbol.asyncIterator]: () => iterator,
    close: async () => closing.abort(),
  };
}

/** The next step of the client's stream, with a drop as a value rather than a throw. */
async function pull<T>(
  iterator: AsyncIterator<T>,
): Promise<IteratorResult<T> | { readonly error: unknown }> {
  try {
    return await iterator.next();
  } catch (error) {
    return { error };
  }
}
