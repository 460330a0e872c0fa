import { ResolveOutcome } from '../resolve-outcome';

/** The outcome of a resolve that used only local counters, which always answers synchronously. */
export function answeredAtOnce(outcome: ResolveOutcome | Promise<ResolveOutcome>): ResolveOutcome {
  if (outcome instanceof Promise) throw new Error('a local resolve answered asynchronously');
  return outcome;
}
