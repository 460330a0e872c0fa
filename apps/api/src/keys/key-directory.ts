import { Inject, Injectable } from '@nestjs/common';
import {
  canManageKey,
  canSeeKey,
  DomainError,
  keyDecider,
  keyStream,
  Principal,
} from '@keyledger/domain';
import {
  DocumentCollection,
  KEY_DOCUMENTS,
  KeyDocument,
  Positioned,
  ReadStore,
} from '@keyledger/read-models';
import { READ_STORE } from '../infrastructure/tokens';
import { ShownRevisions } from '../shared/consistency/shown-revisions';
import { streamsOf } from '../shared/writes/write-pipeline';

/** A key document with the revision of its stream that it shows: a read's ETag. */
export interface ShownKey {
  readonly document: KeyDocument;
  readonly revision: number | null;
}

const HASH = /^[0-9a-f]{64}$/;

const keyNotFound = (): DomainError => new DomainError('not_found', 'Key not found.');

/** Where a key's commands go: its stream, filed under its org. */
export const keyStreamOf = streamsOf(keyDecider, keyStream);

/** Finds keys in the read model, by id or by secret hash, as a given principal may see them. */
@Injectable()
export class KeyDirectory {
  readonly keys: DocumentCollection<KeyDocument>;

  constructor(
    @Inject(READ_STORE) store: ReadStore,
    private readonly revisions: ShownRevisions,
  ) {
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

  /** As findVisible, and 403 unless the principal may also administer it. */
  async findManageable(principal: Principal, idOrHash: string): Promise<KeyDocument> {
    const key = await this.findVisible(principal, idOrHash);
    if (!canManageKey(principal, key)) throw mayNotManage(principal);
    return key;
  }

  /**
   * As findVisible, with the revision of the key's stream the document shows (its ETag). One
   * read of the read model: the document keeps that revision; only one last written before it
   * did has it told from the stream (revisionShown at the document's position).
   */
  async findVisibleShown(principal: Principal, idOrHash: string): Promise<ShownKey> {
    const shown = await this.findPositioned(idOrHash);
    if (!shown || !canSeeKey(principal, shown.document)) throw keyNotFound();
    const { document, position } = shown;
    const revision =
      document.stream_revision ?? (await this.revisions.of(keyStream(document.id), position));
    return { document, revision };
  }

  private async findPositioned(idOrHash: string): Promise<Positioned<KeyDocument> | undefined> {
    const byId = (await this.keys.getPositioned([idOrHash])).get(idOrHash);
    if (byId || !HASH.test(idOrHash)) return byId;
    const byHash = await this.keys.findOne({ hash: idOrHash });
    // Gone since it was found: a rebuild dropped the read model and has not replayed it yet.
    return byHash ? (await this.keys.getPositioned([byHash.id])).get(byHash.id) : undefined;
  }
}

/** Names what the caller lacks: a key caller its scope, a user the org permission. */
function mayNotManage(principal: Principal): DomainError {
  return new DomainError(
    'forbidden',
    principal.kind === 'api_key' && !principal.scopes.includes('management')
      ? 'Administering keys with an API key needs its management scope.'
      : 'Managing this key needs the manageApiKeys permission in its organization.',
  );
}
