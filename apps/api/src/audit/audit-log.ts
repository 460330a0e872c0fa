import { Inject, Injectable } from '@nestjs/common';
import { invalid, parseTimestamp, Principal } from '@keyledger/domain';
import {
  AUDIT_ENTRY_DOCUMENTS,
  AuditEntryDocument,
  DocumentCollection,
  ReadStore,
} from '@keyledger/read-models';
import { READ_STORE } from '../infrastructure/tokens';
import { AuditFiltersInput } from './audit-filters.input';
import { AuditSelection } from './audit-scan';
import { AuditScope } from './audit-scope';
import { TimeWindow } from '@keyledger/governance';

const epochMs = (value: string | undefined): number | null =>
  value === undefined ? null : (parseTimestamp(value)?.getTime() ?? null);

/** The audit entries read model, and what a caller's filtered view of it selects. */
@Injectable()
export class AuditLog {
  readonly entries: DocumentCollection<AuditEntryDocument>;

  constructor(
    @Inject(READ_STORE) store: ReadStore,
    private readonly scope: AuditScope,
  ) {
    this.entries = store.collection(AUDIT_ENTRY_DOCUMENTS);
  }

  /** The entries of the caller's covered keys that pass every filter; a reversed range is a 400. */
  async select(principal: Principal, filters: AuditFiltersInput): Promise<AuditSelection> {
    const window: TimeWindow = { from: epochMs(filters.from), to: epochMs(filters.to) };
    if (window.from !== null && window.to !== null && window.to <= window.from) {
      throw invalid([{ field: 'to', message: 'must be later than from' }]);
    }
    const scope = await this.scope.entries(principal, {
      key_id: filters.key_id,
      org_id: filters.org_id,
    });
    return {
      where: {
        ...scope.where,
        ...(filters.actor === undefined ? {} : { actor_id: filters.actor }),
        ...(filters.event_type === undefined ? {} : { event_type: { in: filters.event_type } }),
      },
      anyOf: scope.anyOf,
      window,
    };
  }
}
