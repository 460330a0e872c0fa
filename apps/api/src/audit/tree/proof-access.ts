import { Injectable } from '@nestjs/common';
import { DomainError, Principal } from '@keyledger/domain';
import { RecordedEvent } from '@keyledger/event-store';
import { auditEntryProjection } from '@keyledger/read-models';
import { KeyDirectory } from '../../keys/key-directory';
import { auditCovers, mayReadAuditLog } from '../audit-coverage';

const { apply: auditEntryOf } = auditEntryProjection;

/** What a caller may learn of the audit tree: the audit log's own rules. */
@Injectable()
export class ProofAccess {
  constructor(private readonly directory: KeyDirectory) {}

  /** Heads, keys and consistency proofs: anyone who may read the audit log (403 otherwise). */
  assertMayReadTree(principal: Principal): void {
    if (!mayReadAuditLog(principal)) {
      throw new DomainError(
        'forbidden',
        'Reading the audit log with an API key needs its management scope.',
      );
    }
  }

  /**
   * Whether the caller's audit log shows this event: one of the streams it reads, about a key
   * the log covers. Other events (usage batches, preferences) are leaves too, covered by heads
   * and consistency proofs, but in no caller's log, so nobody gets their inclusion proofs.
   */
  async mayProve(principal: Principal, event: RecordedEvent): Promise<boolean> {
    if (!auditEntryProjection.streamPrefixes.some((prefix) => event.stream.startsWith(prefix))) {
      return false;
    }
    const keyId = auditEntryOf(null, event)?.key_id ?? null;
    if (keyId === null) return false;
    const key = await this.directory.find(keyId);
    return key !== null && auditCovers(principal, key);
  }
}
