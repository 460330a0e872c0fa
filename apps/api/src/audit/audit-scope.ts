import { Injectable } from '@nestjs/common';
import {
  actingMemberships,
  actsPersonally,
  canCreateKeyIn,
  DomainError,
  Principal,
} from '@keyledger/domain';
import {
  Audience,
  AuditEntryDocument,
  DocumentFilter,
  KeyDocument,
  orgAudience,
  Page,
  userAudience,
  Where,
} from '@keyledger/read-models';
import { KeyDirectory } from '../keys/key-directory';
import { visibleAudiences } from '../keys/key-visibility';
import { auditCovers, mayReadAuditLog } from './audit-coverage';

/** Narrowing of the audit scope by key and by the key's org. */
export interface AuditKeyFilter {
  readonly org_id?: string;
  readonly key_id?: string;
}

/** Keys read per query while gathering a caller's scope. */
const KEY_BATCH = 1_000;

/** The conditions on audit entries that select a caller's log. */
export type AuditEntryScope = Pick<DocumentFilter<AuditEntryDocument>, 'where' | 'anyOf'>;

/**
 * Which keys a caller's audit log covers (see `auditCovers`), decided on the facts key visibility
 * uses (the key's audience and owner, which entries carry from the keys read model), never on an
 * event's recorded org (which names where the command ran).
 */
@Injectable()
export class AuditScope {
  constructor(private readonly directory: KeyDirectory) {}

  /**
   * The covered entries, narrowed by the filter, as at most two indexed alternatives: every
   * entry of the caller's personal keys and of the orgs it administers, and its own keys' in the
   * orgs where it is a plain member. 403 for an API key without `management`.
   */
  async entries(principal: Principal, filter: AuditKeyFilter = {}): Promise<AuditEntryScope> {
    refuseWithoutManagement(principal);
    if (filter.key_id !== undefined) {
      const [keyId] = await this.keyIds(principal, filter);
      return keyId === undefined ? { anyOf: [] } : { where: { key_id: keyId } };
    }
    const orgs = actingMemberships(principal)
      .map((org) => org.id)
      .filter((org) => filter.org_id === undefined || org === filter.org_id);
    const personal = actsPersonally(principal) && filter.org_id === undefined;
    const whole: Audience[] = [
      ...(personal ? [userAudience(principal.user_id)] : []),
      ...orgs.filter((org) => canCreateKeyIn(principal, org)).map(orgAudience),
    ];
    const own = orgs.filter((org) => !canCreateKeyIn(principal, org)).map(orgAudience);
    const anyOf: Where<AuditEntryDocument>[] = [];
    if (whole.length > 0) anyOf.push({ key_audience: { in: whole } });
    if (own.length > 0)
      anyOf.push({ key_audience: { in: own }, key_owner_user_id: principal.user_id });
    return { anyOf };
  }

  /** The ids of the covered keys, narrowed by the filter; 403 for an API key without `management`. */
  async keyIds(principal: Principal, filter: AuditKeyFilter = {}): Promise<string[]> {
    refuseWithoutManagement(principal);
    if (filter.key_id !== undefined) {
      const key = await this.directory.find(filter.key_id);
      const wanted =
        key !== null &&
        auditCovers(principal, key) &&
        (filter.org_id === undefined || key.org_id === filter.org_id);
      return wanted ? [key.id] : [];
    }
    const where: Where<KeyDocument> = {
      audience: { in: visibleAudiences(principal) },
      ...(filter.org_id === undefined ? {} : { org_id: filter.org_id }),
    };
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Page<KeyDocument> = await this.directory.keys.find({
        where,
        sort: [{ field: 'created_at', direction: 'asc' }],
        limit: KEY_BATCH,
        cursor,
      });
      for (const key of page.items) if (auditCovers(principal, key)) ids.push(key.id);
      cursor = page.next_cursor;
    } while (cursor !== null);
    return ids;
  }
}

function refuseWithoutManagement(principal: Principal): void {
  if (!mayReadAuditLog(principal)) {
    throw new DomainError(
      'forbidden',
      'Reading the audit log with an API key needs its management scope.',
    );
  }
}
