import { Inject, Injectable } from '@nestjs/common';
import {
  checkLeakSource,
  checkLeakSourceUrl,
  hashSecret,
  KeyCommand,
  LeakedKeyAction,
  leakActionReason,
  LeakReporter,
  validate,
} from '@keyledger/domain';
import { KeyDocument } from '@keyledger/read-models';
import { APP_CONFIG, AppConfig } from '@keyledger/runtime';
import { KeyDirectory, keyStreamOf } from '../keys/key-directory';
import { OrgKeyPolicies } from '../org-key-policy/org-key-policies';
import { ReadYourWrites } from '../shared/consistency/read-your-writes';
import { WriteMoment, WritePipeline } from '../shared/writes/write-pipeline';

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
    private readonly pipeline: WritePipeline,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly directory: KeyDirectory,
    private readonly policies: OrgKeyPolicies,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  /**
   * Whether the secret named a key. `moment` is the request's (or the reporting system's): the
   * events carry its instant and actor. The key is found by its secret, not by what the reporter
   * may see, so the pipeline writes without an If-Match.
   */
  async respond(report: LeakReport, moment: WriteMoment): Promise<boolean> {
    // Checked before the lookup, so that a bad field is refused alike whether or not it matched.
    validate((errors) => {
      checkLeakSourceUrl(errors, report.source_url);
      checkLeakSource(errors, report.source);
    });
    const key = await this.keyOf(report.secret, moment.now);
    if (key === null) return false;
    const action = key.revoked ? 'notify' : await this.actionFor(key);
    const reason = leakActionReason(report.reporter, report.source_url);
    const { source_url, source, reporter } = report;
    const written = await this.pipeline.writeAt(moment, {
      find: () => key,
      streamOf: keyStreamOf,
      commands: (_key, now): readonly KeyCommand[] => [
        { type: 'ReportKeyLeak', source_url, source, reporter, action, now },
        ...(action === 'disable'
          ? [{ type: 'DisableKey' as const, reason, now }]
          : action === 'revoke'
            ? [{ type: 'RevokeKey' as const, reason, now }]
            : []),
      ],
    });
    await this.readYourWrites.reachedEverywhere(written.position);
    return true;
  }

  /** The key the secret is, or was within its rotation grace; every lookup runs either way. */
  private async keyOf(secret: string, now: Date): Promise<KeyDocument | null> {
    const hashes = [hashSecret(secret, this.config.keyHashPepper), hashSecret(secret, null)];
    const found = await Promise.all(
      hashes.flatMap((hash) => [
        this.directory.keys.findOne({ hash }),
        this.directory.keys.findOne({ previous_hash: hash }),
      ]),
    );
    const nowMs = now.getTime();
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
