import { setTimeout as sleep } from 'node:timers/promises';
import { AllStreamResolvedEvent } from '@eventstore/db-client';
import { matchesFilter } from '../event-filter';
import { EventFilter, EventSubscription, RecordedEvent } from '../event-store.port';
import { fromEsdbEvent } from './esdb-mapping';

/** The part of the client's `$all` subscription this loop uses. */
export interface DroppableSubscription extends AsyncIterable<AllStreamResolvedEvent> {
  unsubscribe(): Promise<void>;
}

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
  /** Told about every drop before the wait, e.g. to log it. */
  readonly onDropped?: (error: unknown, retryInMs: number) => void;
}

/**
 * A `$all` subscription that survives drops: the client does not resubscribe by itself, so this
 * opens a new one after the last delivered position, waiting longer after each failed attempt.
 * It pulls events one by one (never `.on('data')`), so the consumer finishes with an event
 * before the next arrives.
 */
export function resubscribingSubscription(
  subscribeAfter: (position: number) => DroppableSubscription,
  options: ResubscribeOptions,
): EventSubscription {
  const closing = new AbortController();
  const signal = AbortSignal.any([closing.signal, options.signal]);
  let current: DroppableSubscription | null = null;
  // Unsubscribing settles a pending pull on the client's stream, which ends ours.
  signal.addEventListener('abort', () => void current?.unsubscribe().catch(() => undefined), {
    once: true,
  });

  async function* events(): AsyncGenerator<RecordedEvent> {
    let last = options.fromPosition;
    let delay = options.backoff.initialMs;
    while (!signal.aborted) {
      const subscription = (current = subscribeAfter(last));
      const iterator = subscription[Symbol.asyncIterator]();
      let dropped: unknown = new Error('the server ended the subscription');
      try {
        while (!signal.aborted) {
          const step = await pull(iterator);
          if ('error' in step) {
            dropped = step.error;
            break;
          }
          if (step.done) break;
          const event = fromEsdbEvent(step.value.event);
          // The start is exclusive already; this guards against replays around a resubscribe.
          if (!event || event.position <= last) continue;
          last = event.position;
          delay = options.backoff.initialMs;
          if (matchesFilter(event, options.filter)) yield event;
        }
      } finally {
        await subscription.unsubscribe().catch(() => undefined);
      }
      if (signal.aborted) return;
      options.onDropped?.(dropped, delay);
      // Rejects only when aborted, which the loop condition then sees.
      await sleep(delay, undefined, { signal }).catch(() => undefined);
      delay = Math.min(delay * 2, options.backoff.maxMs);
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
