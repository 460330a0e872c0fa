import { BenchTable } from './table';

/** One of the issues' goals, as a benchmark measured it in this run. */
export interface Goal {
  readonly goal: string;
  readonly measured: string;
  readonly met: boolean;
}

/** A ratio as a whole percentage. */
export const percent = (part: number, whole: number): string =>
  `${Math.round((100 * part) / whole)}%`;

/** A goal that a rate reaches at least `share` of another measured in the same run. */
export const shareGoal = (goal: string, rate: number, floorRate: number, share: number): Goal => ({
  goal,
  measured: percent(rate, floorRate),
  met: rate >= share * floorRate,
});

/**
 * Issue 12: a key's restrictions (10 CIDRs, 2 rate limits) cost resolve "no more than a few
 * percent" of a plain key's rate.
 */
export const RESTRICTED_SHARE_OF_PLAIN = 0.95;

/** The goals as a table: each with what was measured and whether it was met. */
export const goalsTable = (goals: readonly Goal[]): BenchTable => ({
  title: `Goals (issues 12, 14, 16, 17): ${goals.filter((goal) => goal.met).length} of ${goals.length} met in this run`,
  rows: goals.map(({ goal, measured, met }) => ({
    goal,
    measured,
    result: met ? 'met' : 'MISSED',
  })),
});
