import { Decider } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import { changedFields } from '../shared/same-data';
import { validate } from '../shared/validation';
import {
  CreateRoutingPreference,
  RoutingPreferenceCommand,
  UpdateRoutingPreference,
} from './routing-preference.commands';
import { RoutingPreferenceCreated, RoutingPreferenceEvent } from './routing-preference.events';
import {
  initialRoutingPreferenceState,
  PreferenceFacts,
  RoutingPreferenceState,
} from './routing-preference.state';
import { checkPreferenceDescription, checkPreferenceName } from './routing-preference.validation';
import { checkRoutingRuleChanges, checkRoutingRules } from './routing-rules.validation';

/** The routing preference aggregate, one `routing_preference-<id>` stream per preference. */
export const routingPreferenceDecider: Decider<
  RoutingPreferenceCommand,
  RoutingPreferenceEvent,
  RoutingPreferenceState
> = {
  initialState: initialRoutingPreferenceState,
  evolve: evolvePreference,
  decide: decidePreference,
};

function decidePreference(
  command: RoutingPreferenceCommand,
  state: RoutingPreferenceState,
): RoutingPreferenceEvent[] {
  if (command.type === 'CreateRoutingPreference') {
    if (state.status !== 'absent') {
      throw new DomainError('already_exists', 'A routing preference with this id already exists.');
    }
    return [create(command)];
  }
  // A deleted preference answers like a missing one: its id must not reveal that it existed.
  if (state.status !== 'live') throw new DomainError('not_found', 'Routing preference not found.');
  const preference = state.preference;
  switch (command.type) {
    case 'UpdateRoutingPreference':
      return update(command, preference);
    case 'EnableRoutingPreference':
      return toggle(preference, true, command.now);
    case 'DisableRoutingPreference':
      return toggle(preference, false, command.now);
    case 'DeleteRoutingPreference':
      return [
        {
          type: 'RoutingPreferenceDeleted',
          data: { preference_id: preference.id, deleted_at: command.now },
        },
      ];
  }
}

function create(command: CreateRoutingPreference): RoutingPreferenceCreated {
  const checked = validate((errors) => {
    const name = checkPreferenceName(errors, command.name);
    const description = checkPreferenceDescription(errors, command.description);
    if (command.scope !== 'personal' && command.scope !== 'team')
      errors.add('scope', 'must be personal or team');
    if (command.scope === 'team' && command.org_id === null) {
      errors.add('scope', 'a team preference needs an active organization');
    }
    errors.flag('enabled', command.enabled);
    return { name, description, ...checkRoutingRules(errors, command) };
  });
  const { preference_id, scope, author_user_id, now } = command;
  return {
    type: 'RoutingPreferenceCreated',
    data: {
      preference_id,
      ...checked,
      scope,
      author_user_id,
      org_id: scope === 'team' ? command.org_id : null,
      enabled: command.enabled ?? true,
      created_at: now,
    },
  };
}

/** What an update may replace. */
type Editable = Pick<
  PreferenceFacts,
  'name' | 'description' | 'rules' | 'examples' | 'confidence_floor_overrides'
>;

function update(
  command: UpdateRoutingPreference,
  current: PreferenceFacts,
): RoutingPreferenceEvent[] {
  const requested: Partial<Editable> = validate((errors) => {
    errors.flag('enabled', command.enabled);
    return {
      ...(command.name !== undefined && { name: checkPreferenceName(errors, command.name) }),
      ...(command.description !== undefined && {
        description: checkPreferenceDescription(errors, command.description),
      }),
      ...checkRoutingRuleChanges(errors, command),
    };
  });
  // Only what differs is recorded, so a repeated PATCH leaves no audit noise.
  const changes = changedFields<Editable>(requested, current);
  const events: RoutingPreferenceEvent[] =
    Object.keys(changes).length === 0
      ? []
      : [
          {
            type: 'RoutingPreferenceUpdated',
            data: { preference_id: current.id, ...changes, updated_at: command.now },
          },
        ];
  return command.enabled === undefined
    ? events
    : [...events, ...toggle(current, command.enabled, command.now)];
}

function toggle(
  preference: PreferenceFacts,
  enabled: boolean,
  now: string,
): RoutingPreferenceEvent[] {
  if (preference.enabled === enabled) return [];
  const preference_id = preference.id;
  return [
    enabled
      ? { type: 'RoutingPreferenceEnabled', data: { preference_id, enabled_at: now } }
      : { type: 'RoutingPreferenceDisabled', data: { preference_id, disabled_at: now } },
  ];
}

function evolvePreference(
  state: RoutingPreferenceState,
  event: RoutingPreferenceEvent,
): RoutingPreferenceState {
  if (event.type === 'RoutingPreferenceCreated') {
    const { preference_id, ...facts } = event.data;
    return {
      status: 'live',
      preference: { id: preference_id, ...facts, updated_at: facts.created_at },
    };
  }
  if (state.status !== 'live') return state;
  const preference = state.preference;
  switch (event.type) {
    case 'RoutingPreferenceUpdated': {
      // Rest-spread copies only the fields the update named, so absent ones keep their value.
      const { preference_id, ...changes } = event.data;
      return { status: 'live', preference: { ...preference, ...changes, id: preference_id } };
    }
    case 'RoutingPreferenceEnabled':
      return {
        status: 'live',
        preference: { ...preference, enabled: true, updated_at: event.data.enabled_at },
      };
    case 'RoutingPreferenceDisabled':
      return {
        status: 'live',
        preference: { ...preference, enabled: false, updated_at: event.data.disabled_at },
      };
    case 'RoutingPreferenceDeleted':
      return { status: 'deleted', preference, deleted_at: event.data.deleted_at };
    default:
      // Streams may hold types this version does not know (later versions, other writers): skip them.
      return state;
  }
}
