import { Inject, Injectable } from '@nestjs/common';
import {
  checkLeakSource,
  checkLeakSourceUrl,
  Clock,
  hashSecret,
  KeyCommand,
  keyDecider,
  keyStream,
  LeakedKeyAction,
  leakActionReason,
  LeakReporter,
  validate,
} from '@keyledger/domain';
import { EventMetadata } from '@keyledger/event-store';
import { decideAllAndAppend } from '@keyledger/commands';
import { KeyDocument } from '@keyledger/read-models';
import { APP_CONFIG, AppConfig } from '@keyledger/runtime';
import { CLOCK, EVENT_STORE } from '../infrastructure/tokens';
import { EventStore } from '@keyledger/event-store';
import { KeyDirectory } from '../keys/key-directory';
import { OrgKeyPolicies } from '../org-key-policy/org-key-policies';
import { ReadYourWrites } from '../shared/consistency/read-your-writes';

/** A secret someone found, and where. */
export interface LeakReport {
  readonly secret: string;
  readonly source_url: string | null;
  readonly source: string;
  readonly reporter: LeakReporter;
}

/**
 * Acts on a reported secret: when it is (or, within its rotation grace, was) a key's, records
 * KeyLeakReported and the action its org policy or LEAKED_KEY_ACTION names, as one append with
 * the existing commands (DisableKey, RevokeKey), and waits until this instance resolves the key
 * as changed. The secret is hashed both ways (native and plain SHA-256) and looked up the same
 * way whether or not anything matches; it is never stored or logged.
 */
@Injectable()
export class LeakResponder {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly directory: KeyDirectory,
    private readonly policies: OrgKeyPolicies,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  /** Whether the secret named a key; `metadataFor` gives the events' metadata for that key's org. */
  async respond(
    report: LeakReport,
    metadataFor: (orgId: string | null, now: Date) => EventMetadata,
  ): Promise<boolean> {
    // Checked before the lookup, so that a bad field is refused alike whether or not it matched.
    validate((errors) => {
      checkLeakSourceUrl(errors, report.source_url);
      checkLeakSource(errors, report.source);
    });
    const key = await this.keyOf(report.secret);
    if (key === null) return false;
    const now = this.clock.now();
    const at = now.toISOString();
    const action = key.revoked ? 'notify' : await this.actionFor(key);
    const reason = leakActionReason(report.reporter, report.source_url);
    const followUp: readonly KeyCommand[] =
      action === 'disable'
        ? [{ type: 'DisableKey', reason, now: at }]
        : action === 'revoke'
          ? [{ type: 'RevokeKey', reason, now: at }]
          : [];
    const { source_url, source, reporter } = report;
    const outcome = await decideAllAndAppend(
      this.events,
      keyDecider,
      keyStream(key.id),
      [{ type: 'ReportKeyLeak', source_url, source, reporter, action, now: at }, ...followUp],
      metadataFor(key.org_id, now),
    );
    await this.readYourWrites.reachedEverywhere(outcome.position);
    return true;
  }

  /** The key the secret is, or was within its rotation grace; every lookup runs either way. */
  private async keyOf(secret: string): Promise<KeyDocument | null> {
    const hashes = [hashSecret(secret, this.config.keyHashPepper), hashSecret(secret, null)];
    const found = await Promise.all(
      hashes.flatMap((hash) => [
        this.directory.keys.findOne({ hash }),
        this.directory.keys.findOne({ previous_hash: hash }),
      ]),
    );
    const nowMs = this.clock.now().getTime();
    const live = found.filter(
      (key, i): key is KeyDocument =>
        key !== null &&
        // Odd lookups are by previous hash: only a secret still in its grace period counts.
        (i % 2 === 0 ||
          (key.previous_hash_valid_until !== null &&
            Date.parse(key.previous_hash_valid_until) > nowMs)),
    );
    return live[0] ?? null;
  }

  /** The org policy's leaked-key action for an org key, else the deployment's. */
  private async actionFor(key: KeyDocument): Promise<LeakedKeyAction> {
    const orgAction =
      key.scope === 'org' && key.org_id !== null
        ? (await this.policies.of(key.org_id)).policy.leaked_key_action
        : null;
    return orgAction ?? this.config.leaks.action;
  }
}
