import { Presets, SingleBar } from 'cli-progress';
import { RebuildProgress } from '@keyledger/read-models';

/** How often the bar prints a fresh line where stderr is not a terminal (CI logs, pipes). */
const NOT_TTY_EVERY_MS = 1000;

/** A progress bar on stderr for a rebuild: positions done out of the head's, and events per second. */
export class RebuildProgressBar {
  private readonly bar = new SingleBar(
    {
      format: 'rebuilding [{bar}] {percentage}% | {value}/{total} positions | {rate} events/s',
      noTTYOutput: true,
      notTTYSchedule: NOT_TTY_EVERY_MS,
    },
    Presets.shades_classic,
  );
  private started = false;

  /** Shows a step of the rebuild; the first one starts the bar, since only it knows the total. */
  update({ done, total, rate_per_s }: RebuildProgress): void {
    const rate = Math.round(rate_per_s);
    if (!this.started) this.bar.start(total, done, { rate });
    else this.bar.update(done, { rate });
    this.bar.setTotal(total);
    this.started = true;
  }

  /** Prints the bar's last state; call it whether the rebuild succeeded or not. */
  stop(): void {
    if (this.started) this.bar.stop();
  }
}
