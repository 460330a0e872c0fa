import { Clock } from '@keyledger/domain';

/** How far a rebuild has come: positions of the global order done out of the head's, and its speed. */
export interface RebuildProgress {
  readonly done: number;
  readonly total: number;
  /** Events applied per second since the rebuild started. */
  readonly rate_per_s: number;
}

/** Measures a rebuild against a clock, from now, towards `total`. */
export function rebuildMeter(
  clock: Clock,
  total: number,
): (done: number, applied: number) => RebuildProgress {
  const started = clock.now().getTime();
  return (done, applied) => {
    const seconds = (clock.now().getTime() - started) / 1000;
    return { done, total: Math.max(total, done), rate_per_s: seconds > 0 ? applied / seconds : 0 };
  };
}
