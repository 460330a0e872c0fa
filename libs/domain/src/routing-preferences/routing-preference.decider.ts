import { Decider } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import { FieldErrors } from '../shared/validation';
import { CreateRoutingPreference, RoutingPreferenceCommand, UpdateRoutingPreference } from './routing-preference.commands';
import { RoutingPreferenceCreated, RoutingPreferenceEvent, RoutingPreferenceUpdated } from './routing-preference.events';
import { initialRoutingPreferenceState, PreferenceFacts, RoutingPreferenceState } from './routing-preference.state';
import { checkRoutingRules, ROUTING_LIMITS } from './routing-rules.validation';

const NAME_MAX = 128;

/** The routing preference aggregate: `routing_preference-<id>` streams. */
export const routingPreferenceDecider: Decider<RoutingPreferenceCommand, RoutingPreferenceEvent, RoutingPreferenceState> = {
  initialState: initialRoutingPreferenceState,
  evolve: evolvePreference,
  decide: decidePreference,
};

function decidePreference(command: RoutingPreferenceCommand, state: RoutingPreferenceState): RoutingPreferenceEvent[] {
  if (command.type === 'CreateRoutingPreference') {
    if (state.status !== 'absent') throw new DomainError('already_exists', 'A routing preference with this id already exists.');
    return [create(command)];
  }
  if (state.status !== 'live') throw new DomainError('not_found', 'Routing preference not found.');
  const preference_id = state.preference.id;
  if (command.type === 'DeleteRoutingPreference') {
    return [{ type: 'RoutingPreferenceDeleted', data: { preference_id, deleted_at: command.now } }];
  }
  return update(command, state.preference);
}

function checkDescribed(errors: FieldErrors, input: { name?: string; description?: string | null }): void {
  if (input.name !== undefined) errors.text('name', input.name, 1, NAME_MAX);
  if (input.description != null) errors.text('description', input.description, 0, ROUTING_LIMITS.description);
}

function create(command: CreateRoutingPreference): RoutingPreferenceCreated {
  const errors = new FieldErrors();
  checkDescribed(errors, command);
  if (command.scope !== 'personal' && command.scope !== 'team') errors.add('scope', 'must be personal or team');
  if (command.scope === 'team' && command.org_id === null) errors.add('scope', 'a team preference needs an active organization');
  const routing = checkRoutingRules(errors, {
    rules: command.rules ?? [],
    examples: command.examples ?? [],
    confidence_floor_overrides: command.confidence_floor_overrides ?? {},
  });
  errors.throwIfAny();
  return {
    type: 'RoutingPreferenceCreated',
    data: {
      preference_id: command.preference_id,
      name: command.name.trim(),
      description: command.description ?? null,
      scope: command.scope,
      author_user_id: command.author_user_id,
      org_id: command.scope === 'team' ? command.org_id : null,
      enabled: command.enabled ?? true,
      rules: routing.rules ?? [],
      examples: routing.examples ?? [],
      confidence_floor_overrides: routing.confidence_floor_overrides ?? {},
      created_at: command.now,
    },
  };
}

function update(command: UpdateRoutingPreference, current: PreferenceFacts): RoutingPreferenceEvent[] {
  const errors = new FieldErrors();
  checkDescribed(errors, command);
  const routing = checkRoutingRules(errors, command);
  errors.throwIfAny();
  const changes: { -readonly [K in keyof RoutingPreferenceUpdated['data']]?: RoutingPreferenceUpdated['data'][K] } = {
    ...routing,
  };
  if (command.name !== undefined && command.name.trim() !== current.name) changes.name = command.name.trim();
  if (command.description !== undefined && command.description !== current.description) changes.description = command.description;
  const events: RoutingPreferenceEvent[] = [];
  if (Object.keys(changes).length > 0) {
    events.push({ type: 'RoutingPreferenceUpdated', data: { preference_id: current.id, ...changes } });
  }
  if (command.enabled !== undefined && command.enabled !== current.enabled) {
    events.push({ type: command.enabled ? 'RoutingPreferenceEnabled' : 'RoutingPreferenceDisabled', data: { preference_id: current.id } });
  }
  return events;
}

function evolvePreference(state: RoutingPreferenceState, event: RoutingPreferenceEvent): RoutingPreferenceState {
  if (event.type === 'RoutingPreferenceCreated') {
    const { preference_id, created_at: _created, ...facts } = event.data;
    return { status: 'live', preference: { id: preference_id, ...facts } };
  }
  if (state.status !== 'live') return state;
  const preference = state.preference;
  switch (event.type) {
    case 'RoutingPreferenceUpdated': {
      const { preference_id: _id, ...changes } = event.data;
      return { status: 'live', preference: { ...preference, ...changes } };
    }
    case 'RoutingPreferenceEnabled':
      return { status: 'live', preference: { ...preference, enabled: true } };
    case 'RoutingPreferenceDisabled':
      return { status: 'live', preference: { ...preference, enabled: false } };
    case 'RoutingPreferenceDeleted':
      return { status: 'deleted', preference };
  }
}
