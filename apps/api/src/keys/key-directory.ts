import { Inject, Injectable } from '@nestjs/common';
import { canSeeKey, DomainError, Principal } from '@keyledger/domain';
import {
  DocumentCollection,
  KEY_DOCUMENTS,
  KeyDocument,
  Positioned,
  ReadStore,
} from '@keyledger/read-models';
import { READ_STORE } from '../infrastructure/tokens';

const HASH = /^[0-9a-f]{64}$/;

const keyNotFound = (): DomainError => new DomainError('not_found', 'Key not found.');

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
    if (!key || !canSeeKey(principal, key)) throw keyNotFound();
    return key;
  }

  /**
   * As findVisible, with the position the document was last written at: what a read needs to
   * tell the revision it shows (revisionShown).
   */
  async findVisibleShown(principal: Principal, idOrHash: string): Promise<Positioned<KeyDocument>> {
    const found = await this.find(idOrHash);
    const shown = found && (await this.keys.getPositioned([found.id])).get(found.id);
    // Gone since it was found: a rebuild dropped the read model and has not replayed it yet.
    if (!shown || !canSeeKey(principal, shown.document)) throw keyNotFound();
    return shown;
  }
}
