import { Inject, Injectable } from '@nestjs/common';
import { ProjectionRunner } from '@keyledger/read-models';
import { ResolutionEngine } from '@keyledger/resolution';
import { APP_CONFIG, AppConfig } from '@keyledger/runtime';

/**
 * Waits, within READ_YOUR_WRITES_TIMEOUT_MS, until this instance's read models and its
 * resolution model include a write: after it, the key reads and resolves as written here.
 */
@Injectable()
export class WrittenHere {
  constructor(
    private readonly runner: ProjectionRunner,
    private readonly engine: ResolutionEngine,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Whether both caught up with `position` in time (null: nothing was written). */
  async seen(position: number | null): Promise<boolean> {
    if (position === null) return true;
    const timeout = this.config.readYourWritesTimeoutMs;
    const [read, resolution] = await Promise.all([
      this.runner.waitForPosition(position, timeout),
      this.engine.waitForPosition(position, timeout),
    ]);
    return read && resolution;
  }
}
