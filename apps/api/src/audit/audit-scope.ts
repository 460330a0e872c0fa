import { Injectable } from '@nestjs/common';
import { DomainError, Principal } from '@keyledger/domain';
import { KeyDocument, Page, Where } from '@keyledger/read-models';
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

/**
 * Which keys a caller's audit log covers (see `auditCovers`). Entries carry the key they are
 * about, so the scope is a list of key ids: decided on the keys read model, the same facts key
 * visibility uses, never on an event's recorded org (which names where the command ran).
 */
@Injectable()
export class AuditScope {
  constructor(private readonly directory: KeyDirectory) {}

  /** The ids of the covered keys, narrowed by the filter; 403 for an API key without `management`. */
  async keyIds(principal: Principal, filter: AuditKeyFilter = {}): Promise<string[]> {
    if (!mayReadAuditLog(principal)) {
      throw new DomainError(
        'forbidden',
        'Reading the audit log with an API key needs its management scope.',
      );
    }
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
