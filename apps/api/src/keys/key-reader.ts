import { Inject, Injectable } from '@nestjs/common';
import { keyStream, Principal } from '@keyledger/domain';
import { EventStore } from '@keyledger/event-store';
import { EVENT_STORE } from '../infrastructure/tokens';
import { ReadYourWrites } from '../shared/consistency/read-your-writes';
import { Versioned, WriteReceipt, WriteResult } from '../shared/writes/write-result';
import { KeyDirectory } from './key-directory';
import { KeyView } from './key-view';
import { KeyViews } from './key-views';

/** A key command's receipt and the key as the read model shows it afterwards (null: a 202). */
export type KeyWriteResult = WriteResult<KeyView | null>;

/** Reads keys with the revision they show, and reads a key back once a write is projected. */
@Injectable()
export class KeyReader {
  constructor(
    private readonly directory: KeyDirectory,
    private readonly views: KeyViews,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  /** The key once the read model includes the write in `receipt` (or null past the bound). */
  afterWrite(keyId: string, receipt: WriteReceipt): Promise<KeyWriteResult> {
    return this.readYourWrites.readBack(async () => {
      const key = await this.directory.find(keyId);
      return key && this.views.of(key);
    }, receipt);
  }

  /** The key after the latest event of its stream, whoever wrote it (a replayed request). */
  async afterLatest(keyId: string): Promise<KeyWriteResult> {
    const last = (await this.events.readStream(keyStream(keyId))).at(-1);
    return this.afterWrite(keyId, {
      revision: last?.revision ?? null,
      position: last?.position ?? null,
    });
  }

  /** A visible key as the read model holds it now, with the revision that state reflects. */
  async current(principal: Principal, idOrHash: string): Promise<Versioned<KeyView>> {
    const { document, revision } = await this.directory.findVisibleShown(principal, idOrHash);
    return { data: this.views.of(document), revision };
  }
}
