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

/** The goals as a table: each with what was measured and whether it was met. */
export const goalsTable = (goals: readonly Goal[]): BenchTable => ({
  title: `Goals (issues 14, 16, 17): ${goals.filter((goal) => goal.met).length} of ${goals.length} met in this run`,
  rows: goals.map(({ goal, measured, met }) => ({
    goal,
    measured,
    result: met ? 'met' : 'MISSED',
  })),
});
