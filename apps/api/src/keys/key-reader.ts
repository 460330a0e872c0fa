import { Inject, Injectable } from '@nestjs/common';
import { keyStream, Principal } from '@keyledger/domain';
import { EventStore } from '@keyledger/event-store';
import { ProjectionRunner } from '@keyledger/read-models';
import { APP_CONFIG, AppConfig } from '@keyledger/runtime';
import { EVENT_STORE } from '../infrastructure/tokens';
import { WriteReceipt } from '../shared/http/write-headers';
import { KeyDirectory } from './key-directory';
import { KeyView } from './key-view';
import { KeyViews } from './key-views';

/** A command's receipt and the key as the read model shows it afterwards. */
export interface KeyWriteResult extends WriteReceipt {
  /** null only when the read model did not catch up within the read-your-writes bound. */
  readonly key: KeyView | null;
}

/** A key as read, with the revision of its stream that this state reflects: its ETag. */
export interface VersionedKey {
  readonly key: KeyView;
  readonly revision: number | null;
}

/** Reads keys with their stream revision, and reads a key back once a write is projected. */
@Injectable()
export class KeyReader {
  constructor(
    private readonly directory: KeyDirectory,
    private readonly views: KeyViews,
    private readonly runner: ProjectionRunner,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The key once the read model includes the write in `receipt` (or null past the bound). */
  async afterWrite(keyId: string, receipt: WriteReceipt): Promise<KeyWriteResult> {
    const { revision, position } = receipt;
    if (
      position !== null &&
      !(await this.runner.waitForPosition(position, this.config.readYourWritesTimeoutMs))
    ) {
      return { key: null, revision, position };
    }
    const key = await this.directory.find(keyId);
    return { key: key && this.views.of(key), revision, position };
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
  async current(principal: Principal, idOrHash: string): Promise<VersionedKey> {
    const { document, revision } = await this.directory.findVisibleShown(principal, idOrHash);
    return { key: this.views.of(document), revision };
  }
}
