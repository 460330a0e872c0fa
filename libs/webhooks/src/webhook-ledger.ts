import Database from 'better-sqlite3';
import { KeyOwnershipFacts } from '@keyledger/domain';
import { WebhookFacts, WebhookSubscriptionState } from '@keyledger/domain/webhooks';
import { RecordedEvent } from '@keyledger/event-store';
import { AttemptOutcome, Delivery, DeliveryAttempt, DeliveryStatus, DueDelivery } from './delivery';
import { AfterFailure } from './retry-policy';
import { openWebhookDatabase } from './webhook-database';
import { intake, IntakeChange, IntakeView } from './webhook-intake';

/** What becomes of a delivery after an attempt. */
export type AfterAttempt = { readonly status: 'delivered' } | AfterFailure;

interface DeliveryRow {
  readonly subscription_id: string;
  readonly event_id: string;
  readonly event_type: string;
  readonly status: DeliveryStatus;
  readonly attempts: number;
  readonly next_attempt_at: number | null;
}

interface DueRow extends Omit<DeliveryRow, 'status' | 'next_attempt_at'> {
  readonly body: string;
  readonly state: string;
}

interface SubscriptionRow {
  readonly id: string;
  readonly live: 0 | 1;
  readonly scope: string | null;
  readonly owner_user_id: string | null;
  readonly org_id: string | null;
  readonly state: string;
}

interface EnqueueRow {
  readonly subscription_id: string;
  readonly event_id: string;
  readonly position: number;
  readonly event_type: string;
  readonly body: string;
}

interface SettleRow {
  readonly subscription_id: string;
  readonly event_id: string;
  readonly attempt: number;
  readonly status: AfterAttempt['status'];
  readonly next_attempt_at: number | null;
}

const parseState = (json: string): WebhookSubscriptionState => JSON.parse(json);

/**
 * The worker's durable state in its own SQLite file. Each event's changes and the checkpoint
 * past it commit in one transaction, so a crash loses no delivery and enqueues none twice.
 * Another process (the API) may open the same file to read deliveries and the delivery log.
 */
export class WebhookLedger {
  private readonly db: Database.Database;
  private readonly sql;
  private readonly view: IntakeView;

  constructor(file: string) {
    this.db = openWebhookDatabase(file);
    const db = this.db;
    this.sql = {
      checkpoint: db.prepare<[], { position: number }>('SELECT position FROM checkpoint'),
      saveCheckpoint: db.prepare<[number], void>(
        `INSERT INTO checkpoint (id, position) VALUES (1, ?)
         ON CONFLICT (id) DO UPDATE SET position = excluded.position`,
      ),
      subscription: db.prepare<[string], { state: string }>(
        'SELECT state FROM subscriptions WHERE id = ?',
      ),
      saveSubscription: db.prepare<[SubscriptionRow], void>(
        `INSERT INTO subscriptions (id, live, scope, owner_user_id, org_id, state)
         VALUES (@id, @live, @scope, @owner_user_id, @org_id, @state)
         ON CONFLICT (id) DO UPDATE SET live = excluded.live, scope = excluded.scope,
           owner_user_id = excluded.owner_user_id, org_id = excluded.org_id, state = excluded.state`,
      ),
      cancelPending: db.prepare<[string], void>(
        "UPDATE deliveries SET status = 'cancelled', next_attempt_at = NULL WHERE subscription_id = ? AND status = 'pending'",
      ),
      candidates: db.prepare<[string | null, string], { state: string }>(
        `SELECT state FROM subscriptions WHERE live = 1
           AND ((scope = 'org' AND org_id = ?) OR (scope = 'personal' AND owner_user_id = ?))`,
      ),
      keyOwner: db.prepare<[string], KeyOwnershipFacts>(
        'SELECT scope, owner_user_id, org_id FROM key_owners WHERE key_id = ?',
      ),
      saveKeyOwner: db.prepare<[KeyOwnershipFacts & { readonly key_id: string }], void>(
        `INSERT OR REPLACE INTO key_owners (key_id, scope, owner_user_id, org_id)
         VALUES (@key_id, @scope, @owner_user_id, @org_id)`,
      ),
      // OR IGNORE: (subscription, event) is owed once, whatever replays the event.
      enqueue: db.prepare<[EnqueueRow], void>(
        `INSERT OR IGNORE INTO deliveries
           (subscription_id, event_id, position, event_type, body, status, attempts, next_attempt_at)
         VALUES (@subscription_id, @event_id, @position, @event_type, @body, 'pending', 0, 0)`,
      ),
      due: db.prepare<[number, number], DueRow>(
        `SELECT d.subscription_id, d.event_id, d.event_type, d.body, d.attempts, s.state
         FROM deliveries d JOIN subscriptions s ON s.id = d.subscription_id
         WHERE d.status = 'pending' AND d.next_attempt_at <= ?
         ORDER BY d.next_attempt_at, d.position LIMIT ?`,
      ),
      nextDueAt: db.prepare<[], { at: number | null }>(
        "SELECT min(next_attempt_at) AS at FROM deliveries WHERE status = 'pending'",
      ),
      logAttempt: db.prepare<[DeliveryAttempt], void>(
        `INSERT INTO attempts (subscription_id, event_id, attempt, url, attempted_at, status_code,
           duration_ms, error, outcome)
         VALUES (@subscription_id, @event_id, @attempt, @url, @attempted_at, @status_code,
           @duration_ms, @error, @outcome)`,
      ),
      // Guarded by status: a subscription deleted during the attempt stays cancelled.
      settle: db.prepare<[SettleRow], void>(
        `UPDATE deliveries SET status = @status, attempts = @attempt, next_attempt_at = @next_attempt_at
         WHERE subscription_id = @subscription_id AND event_id = @event_id AND status = 'pending'`,
      ),
      deliveries: db.prepare<[string], DeliveryRow>(
        `SELECT subscription_id, event_id, event_type, status, attempts, next_attempt_at
         FROM deliveries WHERE subscription_id = ? ORDER BY position`,
      ),
      attempts: db.prepare<[string], DeliveryAttempt>(
        `SELECT subscription_id, event_id, attempt, url, attempted_at, status_code, duration_ms,
           error, outcome
         FROM attempts WHERE subscription_id = ? ORDER BY id`,
      ),
    };
    this.view = {
      subscription: (id) => {
        const row = this.sql.subscription.get(id);
        return row ? parseState(row.state) : { status: 'absent' };
      },
      keyOwner: (keyId) => this.sql.keyOwner.get(keyId) ?? null,
      candidates: (key) =>
        this.sql.candidates
          .all(key.org_id, key.owner_user_id)
          .map((row) => parseState(row.state))
          .flatMap((state) => (state.status === 'live' ? [state.subscription] : [])),
    };
  }

  /** Position of the last event whose changes are stored; 0 before the first. */
  checkpoint(): number {
    return this.sql.checkpoint.get()?.position ?? 0;
  }

  /**
   * Takes in one event of the global order and returns how many deliveries it enqueued. An event
   * that changes nothing writes nothing, not even the checkpoint: replaying it is harmless.
   */
  ingest(event: RecordedEvent): number {
    return this.db.transaction(() => {
      const changes = intake(event, this.view);
      if (changes.length === 0) return 0;
      const enqueued = changes.reduce((sum, change) => sum + this.apply(change, event.position), 0);
      this.sql.saveCheckpoint.run(event.position);
      return enqueued;
    })();
  }

  /**
   * Takes in events of the global order, in order, in one transaction (one commit instead of one
   * per event); returns how many deliveries they enqueued.
   */
  ingestAll(events: readonly RecordedEvent[]): number {
    return this.db.transaction(() =>
      events.reduce((enqueued, event) => enqueued + this.ingest(event), 0),
    )();
  }

  /** Stores one change; returns how many deliveries it enqueued. */
  private apply(change: IntakeChange, position: number): number {
    switch (change.kind) {
      case 'subscription': {
        const { subscription_id, state } = change;
        const facts: Partial<WebhookFacts> = state.status === 'live' ? state.subscription : {};
        this.sql.saveSubscription.run({
          id: subscription_id,
          live: state.status === 'live' ? 1 : 0,
          scope: facts.scope ?? null,
          owner_user_id: facts.owner_user_id ?? null,
          org_id: facts.org_id ?? null,
          state: JSON.stringify(state),
        });
        if (state.status === 'deleted') this.sql.cancelPending.run(subscription_id);
        return 0;
      }
      case 'key_owner':
        this.sql.saveKeyOwner.run({ key_id: change.key_id, ...change.owner });
        return 0;
      case 'enqueue':
        return this.sql.enqueue.run({
          subscription_id: change.subscription_id,
          event_id: change.payload.id,
          position,
          event_type: change.payload.type,
          body: JSON.stringify(change.payload),
        }).changes;
    }
  }

  /** Pending deliveries due at `nowMs`, oldest first, with their subscription's current endpoint. */
  due(nowMs: number, limit: number): readonly DueDelivery[] {
    return this.sql.due.all(nowMs, limit).flatMap(({ state, ...row }) => {
      const subscription = parseState(state);
      // Pending rows of a deleted subscription were cancelled with the deletion.
      if (subscription.status !== 'live') return [];
      const { url, secret_version } = subscription.subscription;
      return [{ ...row, url, secret_version }];
    });
  }

  /** When the earliest pending delivery is due (epoch ms), or null when nothing is pending. */
  nextDueAt(): number | null {
    return this.sql.nextDueAt.get()?.at ?? null;
  }

  /** Logs an attempt and moves its delivery on, in one transaction. */
  settle(delivery: DueDelivery, outcome: AttemptOutcome, next: AfterAttempt): void {
    const attempt = delivery.attempts + 1;
    const { subscription_id, event_id, url } = delivery;
    this.db.transaction(() => {
      this.sql.logAttempt.run({
        subscription_id,
        event_id,
        attempt,
        url,
        ...outcome,
        outcome: next.status,
      });
      this.sql.settle.run({
        subscription_id,
        event_id,
        attempt,
        status: next.status,
        next_attempt_at: next.status === 'pending' ? next.next_attempt_at : null,
      });
    })();
  }

  /** Every delivery owed to a subscription, in event order. */
  deliveries(subscriptionId: string): readonly Delivery[] {
    return this.sql.deliveries.all(subscriptionId).map(({ next_attempt_at, ...row }) => ({
      ...row,
      next_attempt_at: next_attempt_at === null ? null : new Date(next_attempt_at).toISOString(),
    }));
  }

  /** The delivery log of a subscription: every attempt, oldest first. */
  attempts(subscriptionId: string): readonly DeliveryAttempt[] {
    return this.sql.attempts.all(subscriptionId);
  }

  /** Closes the database file. */
  close(): void {
    this.db.close();
  }
}
