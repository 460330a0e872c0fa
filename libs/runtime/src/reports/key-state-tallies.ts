import { KeyGrouping, KeyStateTally } from '@keyledger/governance';
import { DocumentCollection, KeyDocument, Where } from '@keyledger/read-models';

const flag = (value: unknown): boolean => value === true;

/**
 * The keys matching `where`, counted by state per group at `now`, by the read store in two
 * grouped counts: every key by group, revoked and disabled; then the unrevoked ones expired at
 * `now` by group and disabled, moved from active or disabled to expired (expiry outranks
 * disabling, revocation outranks both, as `keyState` decides).
 */
export async function keyStateTallies(
  keys: DocumentCollection<KeyDocument>,
  where: Where<KeyDocument>,
  by: KeyGrouping,
  now: Date,
): Promise<KeyStateTally[]> {
  const [all, expired] = await Promise.all([
    keys.countGroups({ where }, [by, 'revoked', 'disabled']),
    keys.countGroups(
      {
        where: { ...where, revoked: false },
        atMost: { field: 'expires_at', value: now.toISOString() },
      },
      [by, 'disabled'],
    ),
  ]);
  const group = (value: unknown): string | null => (typeof value === 'string' ? value : null);
  return [
    ...all.map(({ values: [value, revoked, disabled], count }) => ({
      group: group(value),
      state: flag(revoked)
        ? ('revoked' as const)
        : flag(disabled)
          ? ('disabled' as const)
          : ('active' as const),
      count,
    })),
    ...expired.flatMap(({ values: [value, disabled], count }) => [
      {
        group: group(value),
        state: flag(disabled) ? ('disabled' as const) : ('active' as const),
        count: -count,
      },
      { group: group(value), state: 'expired' as const, count },
    ]),
  ];
}
