import { KeyLifecycleState } from './governed-key';

/** How many keys are in each state, and in all. */
export type StateCounts = { readonly [S in KeyLifecycleState | 'total']: number };

/** One org's keys by state; `org_id` null gathers the personal keys. */
export type OrgStateCounts = { readonly org_id: string | null } & StateCounts;

/** One owner's keys by state. */
export type OwnerStateCounts = { readonly owner_user_id: string } & StateCounts;

/** What keys are grouped by in a state count. */
export type KeyGrouping = 'org_id' | 'owner_user_id';

/** How many keys of one group (an org, an owner) are in one state: what the read store counts. */
export interface KeyStateTally {
  readonly group: string | null;
  readonly state: KeyLifecycleState;
  readonly count: number;
}

type Tally = { -readonly [S in keyof StateCounts]: number };

/** Sums the store's tallies into one row of counts per group. */
function countByState(tallies: readonly KeyStateTally[]): [string | null, StateCounts][] {
  const groups = new Map<string | null, Tally>();
  for (const { group, state, count } of tallies) {
    const tally = groups.get(group) ?? { active: 0, disabled: 0, expired: 0, revoked: 0, total: 0 };
    tally[state] += count;
    tally.total += count;
    groups.set(group, tally);
  }
  return [...groups];
}

/** Orders group names, the personal (null) group last. */
const byName = (a: string | null, b: string | null): number =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : a.localeCompare(b);

/** Keys by state per org, in org order, personal keys last. */
export function keysByStatePerOrg(tallies: readonly KeyStateTally[]): OrgStateCounts[] {
  return countByState(tallies)
    .sort(([a], [b]) => byName(a, b))
    .map(([org_id, counts]) => ({ org_id, ...counts }));
}

/** Keys by state per owner, the owners with most keys first. */
export function keysPerOwner(tallies: readonly KeyStateTally[]): OwnerStateCounts[] {
  return countByState(tallies)
    .sort(([a, x], [b, y]) => y.total - x.total || byName(a, b))
    .map(([owner, counts]) => ({ owner_user_id: owner ?? '', ...counts }));
}
