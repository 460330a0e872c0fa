import { given } from '../testing';
import { RoutingRule } from './routing-rule';
import {
  CreateRoutingPreference,
  RoutingPreferenceCommand,
  UpdateRoutingPreference,
} from './routing-preference.commands';
import { routingPreferenceDecider } from './routing-preference.decider';
import { RoutingPreferenceCreated, RoutingPreferenceEvent } from './routing-preference.events';

const t0 = '2026-11-23T10:00:00.000Z';
const now = '2026-11-24T08:00:00.000Z';
const rule: RoutingRule = {
  pattern: '^(select|insert)',
  target_mode: 'code',
  target_engine: null,
  confidence: 0.8,
  description: null,
};
const example = { prompt: 'select 1', expected_mode: 'code' };

const create = (overrides: Partial<CreateRoutingPreference> = {}): CreateRoutingPreference => ({
  type: 'CreateRoutingPreference',
  preference_id: 'p1',
  name: 'SQL to code',
  scope: 'team',
  author_user_id: 'u1',
  org_id: 'org_1',
  rules: [rule],
  now: t0,
  ...overrides,
});
const created = (
  overrides: Partial<RoutingPreferenceCreated['data']> = {},
): RoutingPreferenceCreated => ({
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
    created_at: t0,
    ...overrides,
  },
});
const update = (
  changes: Omit<UpdateRoutingPreference, 'type' | 'now'>,
): UpdateRoutingPreference => ({ type: 'UpdateRoutingPreference', now, ...changes });
const updated = (changes: object): RoutingPreferenceEvent => ({
  type: 'RoutingPreferenceUpdated',
  data: { preference_id: 'p1', ...changes, updated_at: now },
});
const enabledEvent: RoutingPreferenceEvent = {
  type: 'RoutingPreferenceEnabled',
  data: { preference_id: 'p1', enabled_at: now },
};
const disabledEvent: RoutingPreferenceEvent = {
  type: 'RoutingPreferenceDisabled',
  data: { preference_id: 'p1', disabled_at: now },
};
const deleted: RoutingPreferenceEvent = {
  type: 'RoutingPreferenceDeleted',
  data: { preference_id: 'p1', deleted_at: t0 },
};

const none = () => given(routingPreferenceDecider, []);
const preference = (...events: RoutingPreferenceEvent[]) =>
  given(routingPreferenceDecider, [created(), ...events]);

/** One of every command but creation: each must refuse a missing or deleted preference. */
const everyChange: readonly RoutingPreferenceCommand[] = [
  update({ name: 'x' }),
  { type: 'EnableRoutingPreference', now },
  { type: 'DisableRoutingPreference', now },
  { type: 'DeleteRoutingPreference', now },
];

describe('CreateRoutingPreference', () => {
  it('creates an enabled team preference in the org', () => {
    none().when(create()).then([created()]);
  });

  it('creates a personal preference, never attaching the active org', () => {
    none()
      .when(create({ scope: 'personal', org_id: 'org_1' }))
      .then([created({ scope: 'personal', org_id: null })]);
  });

  it('refuses a team preference without an active org', () => {
    none()
      .when(create({ org_id: null }))
      .thenFails('validation_failed', 'scope');
  });

  it('refuses an unknown scope', () => {
    none()
      .when(create({ scope: 'global' as CreateRoutingPreference['scope'] }))
      .thenFails('validation_failed', 'scope');
  });

  it('records everything given, normalized: trimmed text, clamped confidence', () => {
    none()
      .when(
        create({
          name: ' SQL ',
          description: ' routes SQL ',
          enabled: false,
          rules: [{ ...rule, confidence: 7 }],
          examples: [example],
          confidence_floor_overrides: { code: 0.7 },
        }),
      )
      .then([
        created({
          name: 'SQL',
          description: 'routes SQL',
          enabled: false,
          rules: [{ ...rule, confidence: 0.99 }],
          examples: [example],
          confidence_floor_overrides: { code: 0.7 },
        }),
      ]);
  });

  it('starts with empty collections when none are given', () => {
    none()
      .when(create({ rules: undefined }))
      .then([created({ rules: [] })]);
  });

  it.each<[string, Partial<CreateRoutingPreference>]>([
    ['name', { name: '' }],
    ['name', { name: 'n'.repeat(129) }],
    ['description', { description: 'd'.repeat(513) }],
    ['enabled', { enabled: 'yes' as unknown as boolean }],
    ['rules', { rules: Array.from({ length: 51 }, () => rule) }],
    ['rules[0].pattern', { rules: [{ ...rule, pattern: '(?<' }] }],
    ['examples[0].prompt', { examples: [{ prompt: 'p'.repeat(1025), expected_mode: 'm' }] }],
    ['confidence_floor_overrides.code', { confidence_floor_overrides: { code: 1.5 } }],
  ])('refuses a bad %s', (field, overrides) => {
    none().when(create(overrides)).thenFails('validation_failed', field);
  });

  it('accepts a 128-character name and a 512-character description', () => {
    const name = 'n'.repeat(128);
    const description = 'd'.repeat(512);
    none()
      .when(create({ name, description }))
      .then([created({ name, description })]);
  });

  it('refuses to create a preference that exists or existed', () => {
    preference().when(create()).thenFails('already_exists');
    preference(deleted).when(create()).thenFails('already_exists');
  });
});

describe('every command on a missing or deleted preference', () => {
  it.each(everyChange.map((command) => [command.type, command] as const))(
    '%s on a missing preference is not_found',
    (_, command) => {
      none().when(command).thenFails('not_found');
    },
  );

  it.each(everyChange.map((command) => [command.type, command] as const))(
    '%s on a deleted preference is not_found',
    (_, command) => {
      preference(deleted).when(command).thenFails('not_found');
    },
  );
});

describe('UpdateRoutingPreference', () => {
  it('records only what changed', () => {
    preference()
      .when(update({ name: 'SQL to code', description: 'routes SQL' }))
      .then([updated({ description: 'routes SQL' })]);
  });

  it('replaces a named collection whole and leaves the others alone', () => {
    const other = { ...rule, pattern: '^update' };
    preference()
      .when(update({ rules: [other] }))
      .then([updated({ rules: [other] })]);
    preference()
      .when(update({ examples: [example] }))
      .then([updated({ examples: [example] })]);
  });

  it('empties a collection when given an empty one', () => {
    preference()
      .when(update({ rules: [] }))
      .then([updated({ rules: [] })]);
  });

  it('clears the description with null', () => {
    preference(updated({ description: 'x' }))
      .when(update({ description: null }))
      .then([updated({ description: null })]);
  });

  it('does nothing when nothing differs, collections included', () => {
    preference()
      .when(update({ name: ' SQL to code ', rules: [rule], confidence_floor_overrides: {} }))
      .then([]);
    preference().when(update({})).then([]);
  });

  it('toggles enabled along with other changes', () => {
    preference()
      .when(update({ name: 'SQL', enabled: false }))
      .then([updated({ name: 'SQL' }), disabledEvent]);
    preference(disabledEvent)
      .when(update({ enabled: true }))
      .then([enabledEvent]);
    preference()
      .when(update({ enabled: true }))
      .then([]);
  });

  it.each<[string, Omit<UpdateRoutingPreference, 'type' | 'now'>]>([
    ['name', { name: ' ' }],
    ['description', { description: 'd'.repeat(513) }],
    ['enabled', { enabled: 0 as unknown as boolean }],
    ['rules[0].pattern', { rules: [{ ...rule, pattern: '(' }] }],
    ['examples', { examples: 'none' }],
  ])('refuses a bad %s', (field, changes) => {
    preference().when(update(changes)).thenFails('validation_failed', field);
  });
});

describe('EnableRoutingPreference and DisableRoutingPreference', () => {
  it('disables an enabled preference, and does nothing when it is disabled', () => {
    preference().when({ type: 'DisableRoutingPreference', now }).then([disabledEvent]);
    preference(disabledEvent).when({ type: 'DisableRoutingPreference', now }).then([]);
  });

  it('enables a disabled preference, and does nothing when it is enabled', () => {
    preference(disabledEvent).when({ type: 'EnableRoutingPreference', now }).then([enabledEvent]);
    preference().when({ type: 'EnableRoutingPreference', now }).then([]);
  });
});

describe('DeleteRoutingPreference', () => {
  it('deletes a live preference, enabled or not', () => {
    const deletion: RoutingPreferenceEvent = {
      type: 'RoutingPreferenceDeleted',
      data: { preference_id: 'p1', deleted_at: now },
    };
    preference().when({ type: 'DeleteRoutingPreference', now }).then([deletion]);
    preference(disabledEvent).when({ type: 'DeleteRoutingPreference', now }).then([deletion]);
  });
});

describe('routing preference state', () => {
  it('holds the preference as created', () => {
    expect(preference().state).toEqual({
      status: 'live',
      preference: {
        id: 'p1',
        name: 'SQL to code',
        description: null,
        scope: 'team',
        author_user_id: 'u1',
        org_id: 'org_1',
        enabled: true,
        rules: [rule],
        examples: [],
        confidence_floor_overrides: {},
        created_at: t0,
        updated_at: t0,
      },
    });
  });

  it('applies only the fields an update names, tracking updated_at', () => {
    expect(preference(updated({ name: 'SQL', examples: [example] })).state).toEqual({
      status: 'live',
      preference: {
        ...(preference().state as { preference: object }).preference,
        name: 'SQL',
        examples: [example],
        updated_at: now,
      },
    });
  });

  it('applies toggles, tracking updated_at', () => {
    const later = '2026-12-01T00:00:00.000Z';
    const enabledLater: RoutingPreferenceEvent = {
      type: 'RoutingPreferenceEnabled',
      data: { preference_id: 'p1', enabled_at: later },
    };
    expect(preference(disabledEvent).state).toMatchObject({
      preference: { enabled: false, updated_at: now },
    });
    expect(preference(disabledEvent, enabledLater).state).toMatchObject({
      preference: { enabled: true, updated_at: later },
    });
  });

  it('remembers a deleted preference and when it went', () => {
    expect(preference(deleted).state).toMatchObject({
      status: 'deleted',
      deleted_at: t0,
      preference: { id: 'p1' },
    });
  });

  it('skips event types it does not know', () => {
    const unknown = {
      type: 'RoutingPreferenceRenamedV9',
      data: { preference_id: 'p1' },
    } as unknown as RoutingPreferenceEvent;
    expect(preference(unknown).state).toEqual(preference().state);
  });
});
