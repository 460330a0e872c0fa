import { Inject, Injectable } from '@nestjs/common';
import { canSeeKey, DomainError, Principal } from '@keyledger/domain';
import { DocumentCollection, KEY_DOCUMENTS, KeyDocument, ReadStore } from '@keyledger/read-models';
import { READ_STORE } from '../infrastructure/tokens';

const HASH = /^[0-9a-f]{64}$/;

/** Finds keys in the read model, by id or by secret hash, as a given principal may see them. */
@Injectable()
export class KeyDirectory {
  readonly keys: DocumentCollection<KeyDocument>;

  constructor(@Inject(READ_STORE) store: ReadStore) {
    this.keys = store.collection(KEY_DOCUMENTS);
  }

  /** A key by its id or hash, or null. */
  async find(idOrHash: string): Promise<KeyDocument | null> {
    const byId = await this.keys.get(idOrHash);
    if (byId) return byId;
    return HASH.test(idOrHash) ? this.keys.findOne({ hash: idOrHash }) : null;
  }

  /** The key if the principal may see it; otherwise the same 404 a missing key gets. */
  async findVisible(principal: Principal, idOrHash: string): Promise<KeyDocument> {
    const key = await this.find(idOrHash);
    if (!key || !canSeeKey(principal, key)) throw new DomainError('not_found', 'Key not found.');
    return key;
  }
}
