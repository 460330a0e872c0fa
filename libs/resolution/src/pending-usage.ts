import { KeyUsageRecorded, ModelUsage } from '@keyledger/domain/usage/usage.events';
import { usageBucketStart } from '@keyledger/domain/usage/usage-bucket';
import { toCredits } from './credits';
import { UsageAmounts } from './usage-ledger';

/** Counted here, not yet appended: one key's usage within one minute and one reset period. */
interface Batch {
  readonly bucket: number;
  readonly limit_reset_position: number | null;
  from: number;
  to: number;
  requests: number;
  cost: number;
  byok_cost: number;
  /** Created on the first usage report naming a model: most batches are requests only. */
  by_model: Map<string, { reports: number; cost: number; byok_cost: number }> | null;
}

/** Where a key's usage is counted: which key, and which manual reset was in force. */
export interface UsageTarget {
  readonly id: string;
  readonly limit_reset_position: number | null;
}

/**
 * Usage counted by this instance since the last flush, batched per key. A batch never spans a
 * UTC minute (so a rebuild can place it in every window) nor a manual reset (so a rebuild knows
 * whether it still limits the key): crossing either starts another batch.
 */
export class PendingUsage {
  /** Each key's batch for its latest minute and reset period: nearly every add lands here. */
  private open = new Map<string, Batch>();
  /** Batches left behind by a key moving on to another minute or reset period. */
  private closed: [string, Batch][] = [];

  constructor(private readonly instanceId: string) {}

  /** Adds usage of `key` at `atMs`; `model` names the model a usage report was for. */
  add(key: UsageTarget, atMs: number, amounts: UsageAmounts, model: string | null): void {
    const batch = this.batchFor(key, atMs);
    batch.from = Math.min(batch.from, atMs);
    batch.to = Math.max(batch.to, atMs);
    batch.requests += amounts.requests;
    batch.cost += amounts.cost;
    batch.byok_cost += amounts.byok_cost;
    if (model !== null) {
      batch.by_model ??= new Map();
      const usage = batch.by_model.get(model) ?? { reports: 0, cost: 0, byok_cost: 0 };
      usage.reports += 1;
      usage.cost += amounts.cost;
      usage.byok_cost += amounts.byok_cost;
      batch.by_model.set(model, usage);
    }
  }

  /** Every pending batch as events, by key id; nothing is pending afterwards. */
  drain(): ReadonlyMap<string, readonly KeyUsageRecorded[]> {
    const drained = new Map<string, KeyUsageRecorded[]>();
    for (const [keyId, batch] of [...this.closed, ...this.open]) {
      const events = drained.get(keyId) ?? [];
      events.push(this.event(keyId, batch));
      drained.set(keyId, events);
    }
    this.open = new Map();
    this.closed = [];
    return drained;
  }

  private batchFor(key: UsageTarget, atMs: number): Batch {
    const bucket = usageBucketStart(atMs);
    const open = this.open.get(key.id);
    if (
      open !== undefined &&
      open.bucket === bucket &&
      open.limit_reset_position === key.limit_reset_position
    ) {
      return open;
    }
    // Usage that arrives out of minute order only makes more, smaller batches: each still
    // lies within one minute and one reset period.
    if (open !== undefined) this.closed.push([key.id, open]);
    const batch: Batch = {
      bucket,
      limit_reset_position: key.limit_reset_position,
      from: atMs,
      to: atMs,
      requests: 0,
      cost: 0,
      byok_cost: 0,
      by_model: null,
    };
    this.open.set(key.id, batch);
    return batch;
  }

  private event(keyId: string, batch: Batch): KeyUsageRecorded {
    // fromEntries defines own properties: a model named `__proto__` stays a model.
    const byModel = Object.fromEntries(
      [...(batch.by_model ?? [])].map(([model, usage]): [string, ModelUsage] => [
        model,
        {
          reports: usage.reports,
          cost: toCredits(usage.cost),
          byok_cost: toCredits(usage.byok_cost),
        },
      ]),
    );
    return {
      type: 'KeyUsageRecorded',
      data: {
        key_id: keyId,
        instance_id: this.instanceId,
        from: new Date(batch.from).toISOString(),
        to: new Date(batch.to).toISOString(),
        requests: batch.requests,
        cost: toCredits(batch.cost),
        byok_cost: toCredits(batch.byok_cost),
        by_model: byModel,
        limit_reset_position: batch.limit_reset_position,
      },
    };
  }
}
