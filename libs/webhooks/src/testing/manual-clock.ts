import { Clock } from '@keyledger/domain';
import { Sleep } from '../sleep';

/** A clock that moves only when slept on, and the sleep that moves it: backoff without waiting. */
export interface ManualTime {
  readonly clock: Clock;
  readonly sleep: Sleep;
  /** Every sleep asked for, in ms. */
  readonly slept: readonly number[];
}

/** Time starting at `start`; each sleep advances it at once by the time asked for. */
export function manualTime(start: Date): ManualTime {
  let now = start.getTime();
  const slept: number[] = [];
  return {
    clock: { now: () => new Date(now) },
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
    slept,
  };
}
