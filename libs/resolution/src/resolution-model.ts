import { KeyCreated, KeyEvent } from '@keyledger/domain';
import { countsUsage, KeyUsageRecorded } from '@keyledger/domain/usage/usage.events';
import { RecordedEvent } from '@keyledger/event-store';
import { AllowlistMatchers } from './allowlist-matchers';
import { CalendarWindowCache } from './calendar-windows';
import { HashIndex } from './hash-index';
import { ImportedPrefixes } from './imported-prefixes';
import { Interner } from './interner';
import { createKeyEntry, evolveKeyEntry, KeyEntry, keyEntryOf } from './key-entry';
import {
  isDefaultPreferenceEvent,
  isKeyEvent,
  isOrgKeyPolicyEvent,
  isRoutingPreferenceEvent,
  isUsageEvent,
} from './known-events';
import { recordedUsage } from './recorded-usage';
import { OrgPolicies } from './org-policies';
import { RequestCounters } from './request-caps';
import { ResolutionDocument, ResolutionKeyDocument, unpackKeyState } from './resolution-document';
import { RoutingDirectory } from './routing-directory';
import { UsageAmounts, UsageFigures, UsageLedger } from './usage-ledger';

/**
 * The resolution read model, held in memory: keys by secret hash, routing preferences and
 * defaults, and usage counters. It is a pure fold of the store's events (keys, preferences,
 * defaults, usage) plus the usage this instance counts itself; nothing else changes it.
 */
export class ResolutionModel {
  readonly routing = new RoutingDirectory();
  readonly windows = new CalendarWindowCache();
  /** Per-user request counts, for plan tier caps. */
  readonly requests = new RequestCounters();
  /** The orgs' `all_keys` key policies. */
  readonly policies = new OrgPolicies();
  /** What imported keys' secrets start with: only those get a plain SHA-256 at resolve. */
  readonly importedPrefixes = new ImportedPrefixes();
  /** Compiles each key's allowlist as it is folded (see KeyEntry.allowlist). */
  private readonly matchers = new AllowlistMatchers();
  private readonly ledger = new UsageLedger();
  private readonly byHash = new HashIndex<KeyEntry>();
  private readonly byId = new Map<string, KeyEntry>();
  /** Ids of the live, limited keys with alert thresholds: what the limit alerter watches. */
  private readonly alerting = new Set<string>();
  /** Previous hash → key id, while the key's rotation grace lasts. */
  private readonly previousHashes = new Map<string, string>();
  private readonly intern = new Interner();
  private appliedPosition = 0;
  /**
   * Keys restored from snapshot documents written past the snapshot's checkpoint (a batch cut
   * short), with those documents' positions: their usage events up to there are in already.
   */
  private readonly usageFoldedUntil = new Map<string, number>();
  private foldedAheadUntil = 0;

  /** `instanceId` marks the usage events this instance appended: it counted them already. */
  constructor(readonly instanceId: string) {}

  /** Global position of the last event delivered in order (see `apply`). */
  get position(): number {
    return this.appliedPosition;
  }

  /**
   * Folds one stored event. Events of a key, preference, default or org stream already folded (by
   * revision) are skipped, so a stream applied early by `catchUpStream` is not applied twice
   * when the subscription delivers it. `inOrder` events come from the global order and advance
   * `position`.
   */
  apply(event: RecordedEvent, inOrder = true): void {
    if (isKeyEvent(event)) this.applyKeyEvent(event);
    else if (isUsageEvent(event)) this.applyUsage(event);
    else if (isRoutingPreferenceEvent(event)) this.routing.applyPreference(event);
    else if (isDefaultPreferenceEvent(event)) this.routing.applyDefault(event);
    else if (isOrgKeyPolicyEvent(event)) this.policies.apply(event);
    if (inOrder) this.appliedPosition = event.position;
    if (this.foldedAheadUntil !== 0 && this.appliedPosition >= this.foldedAheadUntil) {
      this.usageFoldedUntil.clear();
      this.foldedAheadUntil = 0;
    }
  }

  /**
   * Puts back one document of a snapshot whose checkpoint is `checkpoint` (see
   * `loadResolutionSnapshot`), into a model that has folded no event yet.
   */
  restore(document: ResolutionDocument, checkpoint: number): void {
    if (document.kind === 'key') this.restoreKey(document, checkpoint);
    else if (document.kind === 'preference') this.routing.restorePreference(document.preference);
    else if (document.kind === 'policy') this.policies.restore(document.org_id, document.policy);
    else this.routing.restoreDefault(document.owner, document.choice);
  }

  /** After a snapshot's documents are restored: the global order resumes after its checkpoint. */
  resumeAfter(checkpoint: number): void {
    this.appliedPosition = checkpoint;
  }

  /** The key whose secret hashes to `hash`: by its current hash, or its previous one while graced. */
  keyByHash(hash: string, atMs: number): KeyEntry | undefined {
    // A lookup and a string comparison of a keyed hash of a 256-bit secret: their timing reveals
    // nothing usable about any secret, so no separate constant-time comparison is needed.
    const current = this.byHash.get(hash);
    if (current !== undefined) return current;
    const id = this.previousHashes.get(hash);
    const key = id === undefined ? undefined : this.byId.get(id);
    const graced = key?.previous_valid_until != null && atMs < key.previous_valid_until;
    return graced ? key : undefined;
  }

  /** The key with this id. */
  keyById(id: string): KeyEntry | undefined {
    return this.byId.get(id);
  }

  /** The live, limited keys that carry alert thresholds. */
  *alertingKeys(): IterableIterator<KeyEntry> {
    for (const id of this.alerting) {
      const key = this.byId.get(id);
      if (key !== undefined) yield key;
    }
  }

  /** How many keys the model holds, revoked ones included. */
  get size(): number {
    return this.byId.size;
  }

  /**
   * Counts usage of `key` made between `fromMs` and `toMs` (one UTC minute) while the manual
   * reset at `limitResetPosition` was the key's latest. Live requests and usage events both go
   * through here, so the live figures and a rebuild's are computed alike.
   */
  count(
    key: KeyEntry,
    fromMs: number,
    toMs: number,
    amounts: UsageAmounts,
    limitResetPosition: number | null,
  ): void {
    const towardLimit = limitResetPosition === key.limit_reset_position;
    this.ledger.count(key.slot, this.windows.at(fromMs), toMs, amounts, towardLimit);
    if (amounts.requests > 0) this.requests.count(key.owner_user_id, fromMs, amounts.requests);
  }

  /** Nanocredits counting toward the key's limit in the window holding `atMs`. */
  limitUsage(key: KeyEntry, atMs: number): number {
    return this.ledger.limitUsage(
      key.slot,
      key.limit_reset,
      key.include_byok_in_limit,
      this.windows.at(atMs),
    );
  }

  /** The key's reported usage at `atMs`. */
  usageFigures(key: KeyEntry, atMs: number): UsageFigures {
    return this.ledger.figures(key.slot, this.windows.at(atMs));
  }

  private applyKeyEvent(event: RecordedEvent & KeyEvent): void {
    const current = this.byId.get(event.data.key_id);
    if (event.type === 'KeyCreated') {
      if (current === undefined) this.create(event);
      return;
    }
    if (current === undefined || event.revision <= current.revision) return;
    const next = this.restricted(current, evolveKeyEntry(current, event));
    this.byId.set(next.id, next);
    this.watchAlerts(next);
    this.byHash.delete(current.hash);
    this.byHash.set(next);
    if (current.previous_hash !== null) this.previousHashes.delete(current.previous_hash);
    if (next.previous_hash !== null) this.previousHashes.set(next.previous_hash, next.id);
    if (next.limit_reset_position !== current.limit_reset_position)
      this.ledger.clearLimit(next.slot);
    if (next.imported_prefix !== null) this.importedPrefixes.add(next.imported_prefix);
  }

  /** The evolved entry with a changed allowlist compiled and changed rate limits shared (see keyEntryOf). */
  private restricted(current: KeyEntry, evolved: KeyEntry): KeyEntry {
    if (evolved.allowed_ips !== current.allowed_ips) {
      return { ...evolved, allowlist: this.matchers.matcherFor(evolved.allowed_ips) };
    }
    if (evolved.rate_limits !== current.rate_limits) {
      return { ...evolved, rate_limits: this.intern.rateLimits(evolved.rate_limits) };
    }
    return evolved;
  }

  private create(event: RecordedEvent & KeyCreated): void {
    // Slots are dense: the n-th key created is ledger row n.
    const key = createKeyEntry(event, this.byId.size, this.intern, this.matchers);
    this.byId.set(key.id, key);
    this.byHash.set(key);
    this.watchAlerts(key);
  }

  private watchAlerts(key: KeyEntry): void {
    if (key.alert_thresholds.length > 0 && key.limit !== null && !key.revoked) {
      this.alerting.add(key.id);
    } else {
      this.alerting.delete(key.id);
    }
  }

  private restoreKey(document: ResolutionKeyDocument, checkpoint: number): void {
    const key = keyEntryOf(unpackKeyState(document), this.byId.size, this.intern, this.matchers);
    this.byId.set(key.id, key);
    this.watchAlerts(key);
    this.byHash.set(key);
    if (key.previous_hash !== null) this.previousHashes.set(key.previous_hash, key.id);
    if (key.imported_prefix !== null) this.importedPrefixes.add(key.imported_prefix);
    if (document.usage !== null) this.ledger.restore(key.slot, document.usage);
    if (document.requests !== null) this.requests.merge(key.owner_user_id, document.requests);
    if (document.position > checkpoint) {
      this.usageFoldedUntil.set(key.id, document.position);
      this.foldedAheadUntil = Math.max(this.foldedAheadUntil, document.position);
    }
  }

  private applyUsage(event: RecordedEvent & KeyUsageRecorded): void {
    const { data } = event;
    if (data.instance_id === this.instanceId) return;
    const key = this.byId.get(data.key_id);
    if (key === undefined) return;
    const foldedUntil = this.usageFoldedUntil.get(key.id);
    if (foldedUntil !== undefined && event.position <= foldedUntil) return;
    if (!countsUsage(data)) return;
    const { amounts, fromMs, toMs, limitResetPosition } = recordedUsage(event);
    this.count(key, fromMs, toMs, amounts, limitResetPosition);
  }
}
