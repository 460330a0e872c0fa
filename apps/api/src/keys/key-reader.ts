import { Inject, Injectable } from '@nestjs/common';
import { ProjectionRunner } from '@keyledger/read-models';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { WriteReceipt } from '../shared/http/write-headers';
import { KeyDirectory } from './key-directory';
import { KeyView, toKeyView } from './key-view';

/** A command's receipt and the key as the read model shows it afterwards. */
export interface KeyWriteResult extends WriteReceipt {
  /** null only when the read model did not catch up within the read-your-writes bound. */
  readonly key: KeyView | null;
}

/** Reads a key back after a write, once the read model includes that write. */
@Injectable()
export class KeyReader {
  constructor(
    private readonly directory: KeyDirectory,
    private readonly runner: ProjectionRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async afterWrite(keyId: string, receipt: WriteReceipt): Promise<KeyWriteResult> {
    const { revision, position } = receipt;
    if (
      position !== null &&
      !(await this.runner.waitForPosition(position, this.config.readYourWritesTimeoutMs))
    ) {
      return { key: null, revision, position };
    }
    const key = await this.directory.find(keyId);
    return { key: key && toKeyView(key), revision, position };
  }
}
