import { KeyUsageRecorded, keyUsageStream, ModelUsage } from '@keyledger/domain';
import { RecordedEvent } from '@keyledger/event-store';
import { eventGuard } from '../projection/event-guard';
import { Projection } from '../projection/projection';
import {
  bucketStart,
  BucketFigures,
  Granularity,
  ModelBucket,
  USAGE_BUCKET_DOCUMENTS,
  usageBucketId,
  UsageBucketDocument,
} from './usage-bucket.document';

const isUsageEvent = eventGuard<KeyUsageRecorded>({ KeyUsageRecorded: true });

/** Sums of credits, kept to the nanocredit the usage events carry. */
const addCredits = (a: number, b: number): number => Math.round((a + b) * 1e9) / 1e9;

/** Counts by code, summed. */
function addCounts(
  a: Readonly<Record<string, number>>,
  b: Readonly<Record<string, number>> | undefined,
): Readonly<Record<string, number>> {
  if (b === undefined) return a;
  const sum: Record<string, number> = { ...a };
  for (const [code, n] of Object.entries(b)) sum[code] = (sum[code] ?? 0) + n;
  return sum;
}

function addModel(bucket: ModelBucket | undefined, usage: ModelUsage): ModelBucket {
  return {
    // Schema 1 events counted no requests per model.
    requests: (bucket?.requests ?? 0) + (usage.requests ?? 0),
    refused: addCounts(bucket?.refused ?? {}, usage.refused),
    cost: addCredits(bucket?.cost ?? 0, usage.cost),
    byok_cost: addCredits(bucket?.byok_cost ?? 0, usage.byok_cost),
  };
}

/** A bucket's figures with one usage batch added; schema 1 batches carry no refusals. */
export function addUsage(figures: BucketFigures, data: KeyUsageRecorded['data']): BucketFigures {
  const models: Record<string, ModelBucket> = { ...figures.models };
  for (const [model, usage] of Object.entries(data.by_model)) {
    // defineProperty-like assignment through a spread copy: a model named `__proto__` stays a model.
    Object.defineProperty(models, model, {
      value: addModel(
        Object.hasOwn(figures.models, model) ? figures.models[model] : undefined,
        usage,
      ),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return {
    requests: figures.requests + data.requests,
    refused: addCounts(figures.refused, data.refused),
    cost: addCredits(figures.cost, data.cost),
    byok_cost: addCredits(figures.byok_cost, data.byok_cost),
    models,
  };
}

/** A bucket nothing was counted in. */
export const EMPTY_FIGURES: BucketFigures = {
  requests: 0,
  refused: {},
  cost: 0,
  byok_cost: 0,
  models: {},
};

/**
 * Each key's usage as buckets of one granularity, from its `KeyUsageRecorded` batches (a batch
 * lies within one UTC minute, so within one hour and one day). Pure: old hourly buckets are
 * pruned by the runnable (`usageBucketsRunnable`), not here.
 */
export function usageBucketProjection(granularity: Granularity): Projection<UsageBucketDocument> {
  const startOf = (event: RecordedEvent & KeyUsageRecorded): number =>
    bucketStart(granularity, Date.parse(event.data.from));
  return {
    name: `usage_buckets.${granularity}.v1`,
    collection: USAGE_BUCKET_DOCUMENTS,
    streamPrefixes: [keyUsageStream('')],
    documentIds: (event) =>
      isUsageEvent(event) ? [usageBucketId(granularity, event.data.key_id, startOf(event))] : [],
    apply: (document, event) => {
      if (!isUsageEvent(event)) return document;
      const bucket = document ?? {
        id: usageBucketId(granularity, event.data.key_id, startOf(event)),
        key_id: event.data.key_id,
        org_id: event.metadata.org_id,
        granularity,
        start: new Date(startOf(event)).toISOString(),
        ...EMPTY_FIGURES,
      };
      return { ...bucket, ...addUsage(bucket, event.data) };
    },
  };
}
