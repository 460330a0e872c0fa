import { setTimeout as sleep } from 'node:timers/promises';
import { Logger } from 'pino';
import { ProjectionRunner } from '@keyledger/read-models';

/** Waits `ms`; false as soon as `signal` aborts. */
const pause = (ms: number, signal: AbortSignal): Promise<boolean> =>
  sleep(ms, true, { signal }).catch(() => false);

/** Keeps a projection runner going, reports its lag, and hands its failure to the process. */
export class Projector {
  constructor(
    private readonly runner: ProjectionRunner,
    private readonly log: Logger,
    private readonly lagIntervalMs: number,
  ) {}

  /**
   * Runs the projections until `shutdown` aborts (the batch in flight is applied and checkpointed
   * first) or the runner fails: that rejects, so the process exits non-zero and its supervisor
   * restarts it from the stored checkpoints. Failures are seen at the next lag report.
   */
  async run(shutdown: AbortSignal): Promise<void> {
    await this.runner.start();
    try {
      do {
        if (this.runner.error !== null) throw this.runner.error;
        this.log.info({ lag: await this.runner.lag() }, 'projection lag');
      } while (await pause(this.lagIntervalMs, shutdown));
    } finally {
      await this.runner.stop();
    }
  }
}
