import { Inject, Injectable } from '@nestjs/common';
import { ProjectionRunner } from '@keyledger/read-models';
import { ResolutionEngine } from '@keyledger/resolution';
import { APP_CONFIG, AppConfig } from '@keyledger/runtime';
import { WriteReceipt, WriteResult } from '../writes/write-result';

/**
 * The one read-your-writes rule (SPEC §8): a write answers once the read models include it, or
 * when the configured bound has passed (then as a 202 the client can wait out with `X-Position`).
 */
@Injectable()
export class ReadYourWrites {
  constructor(
    private readonly runner: ProjectionRunner,
    private readonly engine: ResolutionEngine,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Whether the read models reached `position` in time; a no-op write has nothing to wait for. */
  async reached(position: number | null): Promise<boolean> {
    return (
      position === null ||
      this.runner.waitForPosition(position, this.config.readYourWritesTimeoutMs)
    );
  }

  /**
   * As reached, for this instance's resolution model too: after it a key reads and resolves as
   * written here (imports, leak responses).
   */
  async reachedEverywhere(position: number | null): Promise<boolean> {
    if (position === null) return true;
    const timeout = this.config.readYourWritesTimeoutMs;
    const [read, resolution] = await Promise.all([
      this.runner.waitForPosition(position, timeout),
      this.engine.waitForPosition(position, timeout),
    ]);
    return read && resolution;
  }

  /** A command's result, once the read models include its last write or the bound has passed. */
  async settle<T>(data: T, { revision, position }: WriteReceipt): Promise<WriteResult<T>> {
    return { data, revision, position, visible: await this.reached(position) };
  }

  /**
   * As settle, for data read back from the read models once they include the write: `read` runs
   * only then. Past the bound (or with nothing to read) the data is null and the answer a 202.
   */
  async readBack<T>(
    read: () => Promise<T | null>,
    receipt: WriteReceipt,
  ): Promise<WriteResult<T | null>> {
    const data = (await this.reached(receipt.position)) ? await read() : null;
    return { revision: receipt.revision, position: receipt.position, data, visible: data !== null };
  }
}
