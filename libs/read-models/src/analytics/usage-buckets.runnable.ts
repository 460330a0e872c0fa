import { RecordedEvent } from '@keyledger/event-store';
import { runnable, RunnableProjection } from '../projection/runnable-projection';
import { DocumentCollection, ReadStore } from '../store/read-store.port';
import {
  bucketStart,
  bucketStarts,
  USAGE_BUCKET_DOCUMENTS,
  UsageBucketDocument,
} from './usage-bucket.document';
import { usageBucketProjection } from './usage-bucket.projection';

/** Hours whose buckets one prune query asks for (an `in` list). */
const PRUNE_CHUNK_HOURS = 500;
const HOURLY = runnable(usageBucketProjection('hour'));
const DAILY = runnable(usageBucketProjection('day'));

/** Name of the checkpoint that remembers up to which hour hourly buckets are pruned. */
const PRUNED_BEFORE = 'usage_buckets.hourly_pruned_before';

/** The usage time series as the runner applies it. */
export const USAGE_BUCKETS_NAME = 'usage_buckets.v1';

/**
 * Hourly and daily usage buckets. Hourly buckets older than `hourlyRetentionMs` before the newest
 * usage applied are deleted (daily ones are kept): the cut follows the events, not the clock, so
 * a rebuild keeps exactly the buckets live projection kept.
 */
export function usageBucketsRunnable(hourlyRetentionMs: number): RunnableProjection {
  return {
    name: USAGE_BUCKETS_NAME,
    streamPrefixes: HOURLY.streamPrefixes,
    async applyEvents(store, events) {
      const usage = events.filter((event) => event.type === 'KeyUsageRecorded');
      if (usage.length === 0) return;
      await HOURLY.applyEvents(store, usage);
      await DAILY.applyEvents(store, usage);
      await pruneHourly(store, usage, hourlyRetentionMs);
    },
    async dropDocuments(store) {
      await store.collection(USAGE_BUCKET_DOCUMENTS).drop();
      await store.setCheckpoint(PRUNED_BEFORE, 0);
    },
  };
}

const fromMs = (event: RecordedEvent): number => Date.parse(String(event.data.from));

async function pruneHourly(
  store: ReadStore,
  events: readonly RecordedEvent[],
  retentionMs: number,
): Promise<void> {
  const newest = Math.max(...events.map(fromMs));
  const cutoff = bucketStart('hour', newest - retentionMs);
  const prunedBefore = await store.getCheckpoint(PRUNED_BEFORE);
  const position = events[events.length - 1].position;
  const buckets = store.collection(USAGE_BUCKET_DOCUMENTS);
  // Late usage (another instance's delayed flush) may land in an hour pruned already.
  const late = events
    .map(fromMs)
    .filter((at) => at < cutoff)
    .map((at) => bucketStart('hour', at));
  const from = prunedBefore === 0 ? Math.min(cutoff, ...late) : prunedBefore;
  const hours = [...new Set([...late, ...bucketStarts('hour', from, cutoff)])];
  for (let i = 0; i < hours.length; i += PRUNE_CHUNK_HOURS) {
    await deleteHours(buckets, hours.slice(i, i + PRUNE_CHUNK_HOURS), position);
  }
  if (cutoff > prunedBefore) await store.setCheckpoint(PRUNED_BEFORE, cutoff);
}

async function deleteHours(
  buckets: DocumentCollection<UsageBucketDocument>,
  hours: readonly number[],
  position: number,
): Promise<void> {
  const starts = hours.map((at) => new Date(at).toISOString());
  let cursor: string | null = null;
  const ids: string[] = [];
  do {
    const page = await buckets.find({
      where: { granularity: 'hour', start: { in: starts } },
      sort: [{ field: 'start', direction: 'asc' }],
      limit: 1000,
      cursor,
    });
    ids.push(...page.items.map((bucket) => bucket.id));
    cursor = page.next_cursor;
  } while (cursor !== null);
  if (ids.length > 0) await buckets.write(ids.map((id) => ({ id, document: null, position })));
}
