import { GovernedKey, KeyLifecycleState, keyState } from './governed-key';

/** How many keys are in each state, and in all. */
export type StateCounts = { readonly [S in KeyLifecycleState | 'total']: number };

/** One org's keys by state; `org_id` null gathers the personal keys. */
export type OrgStateCounts = { readonly org_id: string | null } & StateCounts;

/** One owner's keys by state. */
export type OwnerStateCounts = { readonly owner_user_id: string } & StateCounts;

type Tally = { -readonly [S in keyof StateCounts]: number };

/** Tallies keys by state within groups, holding one tally per group, never the keys. */
async function countByState<Group extends string | null>(
  keys: AsyncIterable<GovernedKey>,
  groupOf: (key: GovernedKey) => Group,
  now: Date,
): Promise<[Group, StateCounts][]> {
  const groups = new Map<Group, Tally>();
  for await (const key of keys) {
    const group = groupOf(key);
    const tally = groups.get(group) ?? { active: 0, disabled: 0, expired: 0, revoked: 0, total: 0 };
    tally[keyState(key, now)]++;
    tally.total++;
    groups.set(group, tally);
  }
  return [...groups];
}

/** Orders group names, the personal (null) group last. */
const byName = (a: string | null, b: string | null): number =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : a.localeCompare(b);

/** Keys by state per org, in org order, personal keys last. */
export async function keysByStatePerOrg(
  keys: AsyncIterable<GovernedKey>,
  now: Date,
): Promise<readonly OrgStateCounts[]> {
  const groups = await countByState(keys, (key) => key.org_id, now);
  return groups.sort(([a], [b]) => byName(a, b)).map(([org_id, counts]) => ({ org_id, ...counts }));
}

/** Keys by state per owner, the owners with most keys first. */
export async function keysPerOwner(
  keys: AsyncIterable<GovernedKey>,
  now: Date,
): Promise<readonly OwnerStateCounts[]> {
  const groups = await countByState(keys, (key) => key.owner_user_id, now);
  return groups
    .sort(([a, x], [b, y]) => y.total - x.total || byName(a, b))
    .map(([owner_user_id, counts]) => ({ owner_user_id, ...counts }));
}
