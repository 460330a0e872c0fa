import {
  KeyUsageRecorded,
  ModelUsage,
  RefusalCounts,
  USAGE_SCHEMA_VERSION,
} from '@keyledger/domain/usage/usage.events';
import { USAGE_BUCKET_MS, usageBucketStart } from '@keyledger/domain/usage/usage-bucket';
import { toCredits } from './credits';
import { REFUSAL_CODES, RefusalCode } from './refusal';
import { UsageAmounts } from './usage-ledger';

/** Refusals by `REFUSAL_CODES` index: created on a batch's first refusal, so counting one allocates nothing. */
type RefusalTally = Uint32Array;

/** One model's share of a batch. */
interface ModelTally {
  requests: number;
  reports: number;
  cost: number;
  byok_cost: number;
  refused: RefusalTally | null;
}

const REFUSAL_INDEX = Object.fromEntries(REFUSAL_CODES.map((code, i) => [code, i])) as {
  readonly [C in RefusalCode]: number;
};

/** Counted here, not yet appended: one key's usage within one minute and one reset period. */
interface Batch {
  readonly key_id: string;
  readonly slot: number;
  /**
   * The batch's UTC minute (minutes since the epoch), and the ms into it of its first and last
   * usage: small integers, held in the batch itself, where epoch-ms doubles would each be a heap
   * number of their own for every request to read or write.
   */
  minute: number;
  limit_reset_position: number | null;
  /** Drained already: kept in its slot to be reused by the key's next usage, not counted in. */
  drained: boolean;
  from_ms: number;
  to_ms: number;
  requests: number;
  cost: number;
  byok_cost: number;
  refused: RefusalTally | null;
  /**
   * The first model named in the batch and its tally, held inline: a key's requests mostly name
   * one model, and a Map per batch would be most of what starting a batch costs.
   */
  first_model: string | null;
  first_tally: ModelTally | null;
  /** Every other model, created when a second one is named. */
  other_models: Map<string, ModelTally> | null;
}

/** Where a key's usage is counted: which key (and its ledger slot), and which manual reset was in force. */
export interface UsageTarget {
  readonly id: string;
  readonly slot: number;
  readonly limit_reset_position: number | null;
}

/** Each key's open batch of one kind, by ledger slot: an index, not a lookup by id per request. */
type OpenBatches = (Batch | undefined)[];

/**
 * Usage counted by this instance since the last flush, batched per key. A batch never spans a
 * UTC minute (so a rebuild can place it in every window) nor a manual reset (so a rebuild knows
 * whether it still limits the key): crossing either starts another batch. Refused resolutions
 * are batched apart from usage: they count for analytics only.
 */
export class PendingUsage {
  /** Each key's batch for its latest minute and reset period: nearly every add lands here. */
  private readonly open: OpenBatches = [];
  /** The same for refusals, kept apart: a refusal moves no usage figure, not even `last_used_at`. */
  private readonly openRefusals: OpenBatches = [];
  /**
   * Every batch started since the last drain, in the order they were started: the open ones
   * and those a key left behind by moving on to another minute or reset period.
   */
  private started: Batch[] = [];
  /**
   * The batches drained last, left in their slots: a key's next usage reuses its batch instead of
   * allocating one per key per flush (young batches outliving a few collections made most of the
   * collector's work). One still unused at the next drain is let go: an idle key keeps nothing.
   */
  private reusable: Batch[] = [];

  constructor(private readonly instanceId: string) {}

  /** Adds a usage report of `key` at `atMs`; `model` names the model it was for. */
  add(key: UsageTarget, atMs: number, amounts: UsageAmounts, model: string | null): void {
    const batch = this.touch(this.open, key, atMs);
    batch.requests += amounts.requests;
    batch.cost += amounts.cost;
    batch.byok_cost += amounts.byok_cost;
    if (model !== null) {
      const usage = modelTally(batch, model);
      usage.reports += 1;
      usage.cost += amounts.cost;
      usage.byok_cost += amounts.byok_cost;
    }
  }

  /** Counts a request resolution admitted for `key` at `atMs`, for `model` when the request named one. */
  admitted(key: UsageTarget, atMs: number, model: string | null): void {
    const batch = this.touch(this.open, key, atMs);
    batch.requests += 1;
    if (model !== null) modelTally(batch, model).requests += 1;
  }

  /** Counts a request resolution refused for `key` with `code`. */
  refused(key: UsageTarget, atMs: number, model: string | null, code: RefusalCode): void {
    const batch = this.touch(this.openRefusals, key, atMs);
    const index = REFUSAL_INDEX[code];
    (batch.refused ??= newTally())[index] += 1;
    if (model !== null) {
      const usage = modelTally(batch, model);
      (usage.refused ??= newTally())[index] += 1;
    }
  }

  /** Every pending batch as events, by key id; nothing is pending afterwards. */
  drain(): ReadonlyMap<string, readonly KeyUsageRecorded[]> {
    for (const batch of this.reusable) if (batch.drained) this.letGo(batch);
    const drained = new Map<string, KeyUsageRecorded[]>();
    for (const batch of this.started) {
      const events = drained.get(batch.key_id) ?? [];
      events.push(this.event(batch));
      drained.set(batch.key_id, events);
      batch.drained = true;
    }
    // A batch a key left behind (another minute or reset period) is in no slot: not reusable.
    this.reusable = this.started.filter((batch) => this.holds(batch) !== undefined);
    this.started = [];
    return drained;
  }

  /** The batch counting `key` at `atMs`, stretched to cover it. */
  private touch(open: OpenBatches, key: UsageTarget, atMs: number): Batch {
    const start = usageBucketStart(atMs);
    const batch = this.batchFor(open, key, start / USAGE_BUCKET_MS);
    const intoMinute = atMs - start;
    if (intoMinute < batch.from_ms) batch.from_ms = intoMinute;
    if (intoMinute > batch.to_ms) batch.to_ms = intoMinute;
    return batch;
  }

  private batchFor(batches: OpenBatches, key: UsageTarget, minute: number): Batch {
    const open = batches[key.slot];
    if (
      open !== undefined &&
      !open.drained &&
      open.minute === minute &&
      open.limit_reset_position === key.limit_reset_position
    ) {
      return open;
    }
    // Usage that arrives out of minute order only makes more, smaller batches: each still
    // lies within one minute and one reset period.
    const batch =
      open !== undefined && open.drained
        ? reopened(open, minute, key.limit_reset_position)
        : this.newBatch(batches, key, minute);
    this.started.push(batch);
    return batch;
  }

  private newBatch(batches: OpenBatches, key: UsageTarget, minute: number): Batch {
    const batch: Batch = {
      key_id: key.id,
      slot: key.slot,
      minute,
      limit_reset_position: key.limit_reset_position,
      drained: false,
      from_ms: USAGE_BUCKET_MS,
      to_ms: -1,
      requests: 0,
      cost: 0,
      byok_cost: 0,
      refused: null,
      first_model: null,
      first_tally: null,
      other_models: null,
    };
    // Grown densely: an index far past the end would turn the array into a dictionary.
    while (batches.length <= key.slot) batches.push(undefined);
    batches[key.slot] = batch;
    return batch;
  }

  /** The open batches of the kind holding `batch` in its slot, if any does. */
  private holds(batch: Batch): OpenBatches | undefined {
    if (this.open[batch.slot] === batch) return this.open;
    return this.openRefusals[batch.slot] === batch ? this.openRefusals : undefined;
  }

  private letGo(batch: Batch): void {
    const batches = this.holds(batch);
    if (batches !== undefined) batches[batch.slot] = undefined;
  }

  private event(batch: Batch): KeyUsageRecorded {
    // fromEntries defines own properties: a model named `__proto__` stays a model.
    const byModel = Object.fromEntries(
      modelTallies(batch).map(([model, usage]): [string, ModelUsage] => [
        model,
        {
          reports: usage.reports,
          cost: toCredits(usage.cost),
          byok_cost: toCredits(usage.byok_cost),
          requests: usage.requests,
          refused: refusalCounts(usage.refused),
        },
      ]),
    );
    return {
      type: 'KeyUsageRecorded',
      data: {
        key_id: batch.key_id,
        instance_id: this.instanceId,
        from: new Date(batch.minute * USAGE_BUCKET_MS + batch.from_ms).toISOString(),
        to: new Date(batch.minute * USAGE_BUCKET_MS + batch.to_ms).toISOString(),
        requests: batch.requests,
        cost: toCredits(batch.cost),
        byok_cost: toCredits(batch.byok_cost),
        by_model: byModel,
        limit_reset_position: batch.limit_reset_position,
        schema_version: USAGE_SCHEMA_VERSION,
        refused: refusalCounts(batch.refused),
      },
    };
  }
}

const newTally = (): RefusalTally => new Uint32Array(REFUSAL_CODES.length);

/** A drained batch emptied for another minute or reset period; its tallies are kept, zeroed. */
function reopened(batch: Batch, minute: number, limitResetPosition: number | null): Batch {
  batch.minute = minute;
  batch.limit_reset_position = limitResetPosition;
  batch.drained = false;
  batch.from_ms = USAGE_BUCKET_MS;
  batch.to_ms = -1;
  batch.requests = 0;
  batch.cost = 0;
  batch.byok_cost = 0;
  batch.refused?.fill(0);
  batch.first_model = null;
  if (batch.first_tally !== null) emptyTally(batch.first_tally);
  batch.other_models = null;
  return batch;
}

const newModelTally = (): ModelTally => ({
  requests: 0,
  reports: 0,
  cost: 0,
  byok_cost: 0,
  refused: null,
});

function emptyTally(tally: ModelTally): void {
  tally.requests = 0;
  tally.reports = 0;
  tally.cost = 0;
  tally.byok_cost = 0;
  tally.refused?.fill(0);
}

function modelTally(batch: Batch, model: string): ModelTally {
  if (batch.first_model === model && batch.first_tally !== null) return batch.first_tally;
  if (batch.first_model === null) {
    batch.first_model = model;
    // A reopened batch's first tally is zeroed already.
    return (batch.first_tally ??= newModelTally());
  }
  batch.other_models ??= new Map();
  let usage = batch.other_models.get(model);
  if (usage === undefined) {
    usage = newModelTally();
    batch.other_models.set(model, usage);
  }
  return usage;
}

/** The batch's models and their tallies, the first one named first. */
function modelTallies(batch: Batch): [string, ModelTally][] {
  const { first_model, first_tally, other_models } = batch;
  if (first_model === null || first_tally === null) return [];
  return [[first_model, first_tally], ...(other_models ?? [])];
}

/** The codes counted, by name; codes never counted are left out. */
function refusalCounts(tally: RefusalTally | null): RefusalCounts {
  const counts: Record<string, number> = {};
  if (tally !== null) {
    for (const [index, count] of tally.entries())
      if (count > 0) counts[REFUSAL_CODES[index]] = count;
  }
  return counts;
}
