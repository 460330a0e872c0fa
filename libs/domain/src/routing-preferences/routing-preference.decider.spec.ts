import { given } from '../testing/given-when-then';
import { CreateRoutingPreference } from './routing-preference.commands';
import { routingPreferenceDecider } from './routing-preference.decider';
import { RoutingPreferenceCreated, RoutingPreferenceEvent } from './routing-preference.events';

const now = '2026-11-23T10:00:00.000Z';
const rule = { pattern: '^(select|insert)', target_mode: 'code', target_engine: null, confidence: 0.8, description: null };
const create = (overrides: Partial<CreateRoutingPreference> = {}): CreateRoutingPreference => ({
  type: 'CreateRoutingPreference',
  preference_id: 'p1',
  name: 'SQL to code',
  scope: 'team',
  author_user_id: 'u1',
  org_id: 'org_1',
  rules: [rule],
  now,
  ...overrides,
});
const created: RoutingPreferenceCreated = {
  type: 'RoutingPreferenceCreated',
  data: {
    preference_id: 'p1',
    name: 'SQL to code',
    description: null,
    scope: 'team',
    author_user_id: 'u1',
    org_id: 'org_1',
    enabled: true,
    rules: [rule],
    examples: [],
    confidence_floor_overrides: {},
    created_at: now,
  },
};
const preference = (...events: RoutingPreferenceEvent[]) => given(routingPreferenceDecider, [created, ...events]);
const deleted: RoutingPreferenceEvent = { type: 'RoutingPreferenceDeleted', data: { preference_id: 'p1', deleted_at: now } };

describe('routing preference decider', () => {
  it('creates a team preference', () => {
    given(routingPreferenceDecider, []).when(create()).then([created]);
  });

  it('creates a personal preference without an org', () => {
    given(routingPreferenceDecider, [])
      .when(create({ scope: 'personal', org_id: 'org_1' }))
      .then([{ ...created, data: { ...created.data, scope: 'personal', org_id: null } }]);
  });

  it('refuses a team preference without an active org', () => {
    given(routingPreferenceDecider, []).when(create({ org_id: null })).thenFails('validation_failed', 'scope');
  });

  it('clamps rule confidence to 0.5-0.99', () => {
    const low = routingPreferenceDecider.decide(create({ rules: [{ ...rule, confidence: 0.1 }] }), { status: 'absent' });
    const high = routingPreferenceDecider.decide(create({ rules: [{ ...rule, confidence: 5 }] }), { status: 'absent' });
    expect([low, high].map((events) => (events[0] as RoutingPreferenceCreated).data.rules[0].confidence)).toEqual([0.5, 0.99]);
  });

  it.each<[string, Partial<CreateRoutingPreference>]>([
    ['name', { name: '' }],
    ['name', { name: 'n'.repeat(129) }],
    ['description', { description: 'd'.repeat(513) }],
    ['rules', { rules: Array.from({ length: 51 }, () => rule) }],
    ['rules[0].pattern', { rules: [{ ...rule, pattern: '[unclosed' }] }],
    ['rules[0].pattern', { rules: [{ ...rule, pattern: 'a'.repeat(513) }] }],
    ['rules[0].target_mode', { rules: [{ ...rule, target_mode: '' }] }],
    ['rules[0].confidence', { rules: [{ ...rule, confidence: Number.NaN }] }],
    ['examples', { examples: Array.from({ length: 31 }, () => ({ prompt: 'p', expected_mode: 'm' })) }],
    ['examples[0].prompt', { examples: [{ prompt: 'p'.repeat(1025), expected_mode: 'm' }] }],
    ['examples[0].expected_mode', { examples: [{ prompt: 'p', expected_mode: '' }] }],
    ['confidence_floor_overrides.code', { confidence_floor_overrides: { code: 1.5 } }],
  ])('refuses a bad %s', (field, overrides) => {
    given(routingPreferenceDecider, []).when(create(overrides)).thenFails('validation_failed', field);
  });

  it('refuses to create twice', () => {
    preference().when(create()).thenFails('already_exists');
  });

  it('updates only what changed, replacing named collections whole', () => {
    preference()
      .when({ type: 'UpdateRoutingPreference', name: 'SQL to code', description: 'routes SQL', examples: [{ prompt: 'select 1', expected_mode: 'code' }] })
      .then([{ type: 'RoutingPreferenceUpdated', data: { preference_id: 'p1', description: 'routes SQL', examples: [{ prompt: 'select 1', expected_mode: 'code' }] } }]);
    preference().when({ type: 'UpdateRoutingPreference', name: 'SQL to code' }).then([]);
  });

  it('enables and disables through update', () => {
    const disabled: RoutingPreferenceEvent = { type: 'RoutingPreferenceDisabled', data: { preference_id: 'p1' } };
    preference().when({ type: 'UpdateRoutingPreference', enabled: false }).then([disabled]);
    preference(disabled).when({ type: 'UpdateRoutingPreference', enabled: true }).then([{ type: 'RoutingPreferenceEnabled', data: { preference_id: 'p1' } }]);
    preference().when({ type: 'UpdateRoutingPreference', enabled: true }).then([]);
  });

  it('validates updates', () => {
    preference().when({ type: 'UpdateRoutingPreference', rules: [{ ...rule, pattern: '(' }] }).thenFails('validation_failed', 'rules[0].pattern');
  });

  it('deletes, after which the preference is gone', () => {
    preference().when({ type: 'DeleteRoutingPreference', now }).then([deleted]);
    preference(deleted).when({ type: 'UpdateRoutingPreference', name: 'x' }).thenFails('not_found');
    preference(deleted).when({ type: 'DeleteRoutingPreference', now }).thenFails('not_found');
    given(routingPreferenceDecider, []).when({ type: 'DeleteRoutingPreference', now }).thenFails('not_found');
  });
});
