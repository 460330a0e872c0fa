import { KeyUsageRecorded } from '@keyledger/domain/usage/usage.events';
import { toNanos } from './credits';
import { UsageAmounts } from './usage-ledger';

/** What one usage event counts, as the ledger takes it. */
export interface RecordedUsage {
  readonly amounts: UsageAmounts;
  /** The batch's first and last activity (epoch ms, one UTC minute). */
  readonly fromMs: number;
  readonly toMs: number;
  /** The manual reset in force when it was counted. */
  readonly limitResetPosition: number | null;
}

/** A usage event's figures in whole nanocredits: the live model and the snapshot fold read it alike. */
export function recordedUsage({ data }: KeyUsageRecorded): RecordedUsage {
  return {
    amounts: {
      requests: data.requests,
      cost: toNanos(data.cost),
      byok_cost: toNanos(data.byok_cost),
    },
    fromMs: Date.parse(data.from),
    toMs: Date.parse(data.to),
    limitResetPosition: data.limit_reset_position,
  };
}
