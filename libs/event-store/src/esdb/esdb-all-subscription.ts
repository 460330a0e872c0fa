import {
  AllStreamResolvedEvent,
  AllStreamSubscription,
  EventStoreDBClient,
} from '@eventstore/db-client';
import { EventFilter } from '../event-store.port';
import { toReadPosition, toSafeNumber, toServerFilter } from './esdb-mapping';

/** The server has looked at everything up to this position, whatever its filter let through. */
export interface CheckpointItem {
  readonly checkpoint: number;
}

/** The server delivered everything stored when the subscription started; live from here. */
export const CAUGHT_UP = Object.freeze({ caughtUp: true as const });

/** What a `$all` subscription opened here yields, in server order. */
export type AllSubscriptionItem = AllStreamResolvedEvent | CheckpointItem | typeof CAUGHT_UP;

/** The part of the client's `$all` subscription this folder uses. */
export interface DroppableSubscription extends AsyncIterable<AllSubscriptionItem> {
  unsubscribe(): Promise<void>;
}

/** Whether an item is a checkpoint or the caught-up signal rather than an event. */
export function isSignal(item: AllSubscriptionItem): item is CheckpointItem | typeof CAUGHT_UP {
  return 'checkpoint' in item || 'caughtUp' in item;
}

/**
 * A server-filtered `$all` subscription after `after` (exclusive). The client reports
 * checkpoints through a callback and caught-up as an event, out of band; both are pushed into
 * the subscription's own stream as they happen, so a consumer sees them in order with the events
 * before and after them.
 */
export function openAllSubscription(
  client: EventStoreDBClient,
  after: number,
  filter?: EventFilter,
): AllStreamSubscription & DroppableSubscription {
  const subscription = client.subscribeToAll({
    fromPosition: toReadPosition(after),
    filter: toServerFilter(filter, (stream, position) => {
      stream.push({ checkpoint: toSafeNumber(position.commit, 'position') });
    }),
  });
  subscription.on('caughtUp', () => subscription.push(CAUGHT_UP));
  return subscription;
}
