import { Inject, Injectable } from '@nestjs/common';
import { ProjectionRunner } from '@keyledger/read-models';
import { APP_CONFIG, AppConfig } from '@keyledger/runtime';
import { WriteReceipt } from '../shared/http/write-headers';
import { WriteResult } from './write-result';

/** Waits, within the configured bound, until the read models include a write. */
@Injectable()
export class ReadYourWrites {
  constructor(
    private readonly runner: ProjectionRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Whether the read models reached `position` in time; a no-op write has nothing to wait for. */
  async reached(position: number | null): Promise<boolean> {
    return (
      position === null ||
      this.runner.waitForPosition(position, this.config.readYourWritesTimeoutMs)
    );
  }

  /** A command's result, once the read models include its last write or the bound has passed. */
  async settle<T>(data: T, { revision, position }: WriteReceipt): Promise<WriteResult<T>> {
    return { data, revision, position, visible: await this.reached(position) };
  }
}
