import { Inject, Injectable } from '@nestjs/common';
import { ProjectionRunner } from '@keyledger/read-models';
import { APP_CONFIG, AppConfig } from '../config/app-config';

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
}
