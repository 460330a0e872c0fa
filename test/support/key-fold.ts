import { KeyEvent, keyDecider, KeyState } from '@keyledger/domain';
import { StoredEvent } from './stored-events';

/** The key fields a read model must derive from the events alone (usage aside). */
const DERIVED_FIELDS = [
  'id',
  'hash',
  'label',
  'name',
  'scope',
  'owner_user_id',
  'org_id',
  'scopes',
  'disabled',
  'revoked',
  'limit',
  'limit_reset',
  'include_byok_in_limit',
  'plan_tier',
  'routing_preference_id',
  'created_at',
  'updated_at',
  'expires_at',
  'revoked_at',
] as const;

/** A key reduced to the fields the events decide, for comparing a read model with a fold. */
export type DerivedKeyFields = Readonly<Record<(typeof DERIVED_FIELDS)[number], unknown>>;

/** The derived fields of a key as the API shows it. */
export function derivedFields(view: Readonly<Record<string, unknown>>): DerivedKeyFields {
  return Object.fromEntries(
    DERIVED_FIELDS.map((field) => [field, view[field]]),
  ) as DerivedKeyFields;
}

/** The key state the domain folds from a stream's stored events. */
export function foldKey(events: readonly StoredEvent[]): KeyState {
  // Stored events are the JSON the decider produced: the same cast the service makes on reads.
  return events.reduce(
    (state, event) => keyDecider.evolve(state, event as unknown as KeyEvent),
    keyDecider.initialState,
  );
}

/** The derived fields of a folded key, shaped as the API would show them. */
export function derivedFieldsOfFold(state: KeyState): DerivedKeyFields {
  if (state.status === 'absent') throw new Error('the stream holds no KeyCreated event');
  return derivedFields({ ...state.key, revoked: state.status === 'revoked' });
}

/** Every key in a store, folded from its own stream, in id order. */
export function foldAllKeys(events: readonly StoredEvent[]): DerivedKeyFields[] {
  const streams = new Map<string, StoredEvent[]>();
  for (const event of events.filter((e) => e.stream.startsWith('key-'))) {
    streams.set(event.stream, [...(streams.get(event.stream) ?? []), event]);
  }
  return [...streams.values()].map((stream) => derivedFieldsOfFold(foldKey(stream))).sort(byId);
}

/** Orders keys by id, so listings in any order compare equal. */
export const byId = (a: { readonly id?: unknown }, b: { readonly id?: unknown }): number =>
  String(a.id).localeCompare(String(b.id));
