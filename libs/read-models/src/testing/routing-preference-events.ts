import { RoutingPreferenceCreated } from '@keyledger/domain';

/** A team preference's creation in org_1, with any field changed. */
export const preferenceCreated = (
  preference_id: string,
  changes: Partial<RoutingPreferenceCreated['data']> = {},
): RoutingPreferenceCreated => ({
  type: 'RoutingPreferenceCreated',
  data: {
    preference_id,
    name: `Preference ${preference_id}`,
    description: null,
    scope: 'team',
    author_user_id: 'user_1',
    org_id: 'org_1',
    rules: [
      {
        pattern: '^sql',
        target_mode: 'code',
        target_engine: null,
        confidence: 0.8,
        description: null,
      },
    ],
    examples: [],
    confidence_floor_overrides: {},
    enabled: true,
    created_at: '2026-01-01T00:00:00.000Z',
    ...changes,
  },
});
