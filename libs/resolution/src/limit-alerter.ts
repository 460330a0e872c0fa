import { Clock } from '@keyledger/domain';
import { limitAlertId } from '@keyledger/domain/alerts/limit-alert-id';
import {
  KeyLimitThresholdReached,
  limitAlertStream,
} from '@keyledger/domain/alerts/limit-alert.events';
import { EventStore, WrongExpectedRevisionError } from '@keyledger/event-store';
import { toCredits, toNanos } from './credits';
import { KeyEntry } from './key-entry';
import { ResolutionModel } from './resolution-model';

/**
 * Records `KeyLimitThresholdReached` once a key's usage in its limit window reaches one of its
 * thresholds. Run after each usage flush over the keys that carry thresholds (the model keeps
 * that set), off the request path. Every instance may see the same crossing: the alert's id is
 * deterministic (`limitAlertId`) and it is appended as the first event of its own stream
 * (`no_stream`), so the store keeps one however many instances append it.
 */
export class LimitAlerter {
  /**
   * Alerts this instance knows are recorded, so it appends each once at most, with the end of
   * their window (epoch ms; Infinity for a limit that never resets): forgotten once it has passed.
   */
  private readonly recorded = new Map<string, number>();

  constructor(
    private readonly store: EventStore,
    private readonly model: ResolutionModel,
    private readonly clock: Clock,
  ) {}

  /** Appends the alerts of every threshold crossed and not yet recorded. */
  async check(): Promise<void> {
    const now = this.clock.now();
    for (const [id, windowEnd] of this.recorded) {
      if (windowEnd <= now.getTime()) this.recorded.delete(id);
    }
    for (const key of this.model.alertingKeys()) {
      for (const alert of this.crossed(key, now.getTime())) {
        const id = limitAlertId(
          key.id,
          alert.data.threshold,
          alert.data.window_end,
          key.limit_reset_position,
        );
        if (this.recorded.has(id)) continue;
        await this.append(id, key, alert, now);
        const { window_end } = alert.data;
        this.recorded.set(id, window_end === null ? Infinity : Date.parse(window_end));
      }
    }
  }

  private crossed(key: KeyEntry, atMs: number): KeyLimitThresholdReached[] {
    if (key.limit === null || key.limit <= 0) return [];
    const used = this.model.limitUsage(key, atMs);
    const limit = toNanos(key.limit);
    const window = key.limit_reset === null ? null : this.model.windows.at(atMs)[key.limit_reset];
    return key.alert_thresholds
      .filter((threshold) => used * 100 >= limit * threshold)
      .map((threshold) => ({
        type: 'KeyLimitThresholdReached',
        data: {
          key_id: key.id,
          threshold,
          limit: key.limit as number,
          usage: toCredits(used),
          window_end: window === null ? null : window.endIso,
        },
      }));
  }

  private async append(
    id: string,
    key: KeyEntry,
    alert: KeyLimitThresholdReached,
    now: Date,
  ): Promise<void> {
    try {
      await this.store.append(limitAlertStream(id), [{ id, ...alert }], {
        expectedRevision: 'no_stream',
        metadata: {
          actor: { kind: 'system', id: 'limit-alerts' },
          org_id: key.org_id,
          request_id: null,
          correlation_id: null,
          causation_id: null,
          ip: null,
          user_agent: null,
          occurred_at: now.toISOString(),
          schema_version: 1,
        },
      });
    } catch (error) {
      // Another instance recorded it first: that is the one alert.
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
    }
  }
}
