import { Inject, Injectable } from '@nestjs/common';
import { Clock, Principal } from '@keyledger/domain';
import { EventStore } from '@keyledger/event-store';
import {
  AUDIT_ENTRY_DOCUMENTS,
  AuditEntryDocument,
  KEY_DOCUMENTS,
  ProjectionRunner,
  ReadStore,
} from '@keyledger/read-models';
import { ResolutionEngine } from '@keyledger/resolution';
import { AuditScope } from '../audit/audit-scope';
import {
  APP_CONFIG,
  AppConfig,
  keyStateTallies,
  policyKeys,
  policyOrgs,
  reportedKeys,
  revocationEntries,
} from '@keyledger/runtime';
import { CLOCK, EVENT_STORE, READ_STORE } from '../infrastructure/tokens';
import { visibleAudiences } from '../keys/key-visibility';
import { ReportSources } from '@keyledger/governance';
import { OrgKeyPolicies } from '../org-key-policy/org-key-policies';

/**
 * What a caller's reports read. Key reports cover the keys the caller can see (what
 * `GET /api/v1/keys` lists, revoked ones included); recent-revocations names actors and
 * reasons from the audit trail, so it covers what the caller's audit log covers.
 */
@Injectable()
export class CallerReportSources {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly runner: ProjectionRunner,
    private readonly engine: ResolutionEngine,
    private readonly audit: AuditScope,
    private readonly policies: OrgKeyPolicies,
  ) {}

  /** The sources of a caller's report, narrowed to one org when `orgId` is given. */
  async of(principal: Principal, orgId: string | undefined): Promise<ReportSources> {
    await this.settle();
    const now = this.clock.now();
    const keys = this.store.collection(KEY_DOCUMENTS);
    const where = {
      audience: { in: visibleAudiences(principal) },
      ...(orgId === undefined ? {} : { org_id: orgId }),
    };
    const usageOf = (id: string, at: Date) => this.engine.usage(id, at);
    return {
      now,
      keys: (only = {}) => reportedKeys(keys, where, only, usageOf, now),
      keyOrgs: () => policyOrgs(keys, where),
      orgKeys: (org) => policyKeys(keys, where, org, usageOf, now),
      keyStates: (by) => keyStateTallies(keys, where, by, now),
      revocations: () => this.revocations(principal, orgId),
      policyOf: async (org) => (await this.policies.of(org)).policy,
    };
  }

  private async *revocations(
    principal: Principal,
    orgId: string | undefined,
  ): AsyncGenerator<AuditEntryDocument> {
    const scope = await this.audit.entries(principal, { org_id: orgId });
    yield* revocationEntries(this.store.collection(AUDIT_ENTRY_DOCUMENTS), scope);
  }

  /**
   * A report describes the store as it is now: wait (bounded) until the read models and the usage
   * counters include every event already stored. Past the bound it answers with what it has.
   */
  private async settle(): Promise<void> {
    const timeout = this.config.readYourWritesTimeoutMs;
    const head = await this.events.headPosition();
    await Promise.all([this.runner.catchUp(timeout), this.engine.waitForPosition(head, timeout)]);
  }
}
