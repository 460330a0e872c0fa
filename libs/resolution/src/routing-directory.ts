import {
  DefaultOwner,
  DefaultPreferenceEvent,
  EffectiveRouting,
  resolveEffectiveRouting,
  RoutingCandidate,
  RoutingPreferenceEvent,
} from '@keyledger/domain';
import { RecordedEvent } from '@keyledger/event-store';
import { KeyEntry } from './key-entry';

/** A preference as routing needs it, with the revision of its stream folded so far. */
export interface PreferenceEntry extends RoutingCandidate {
  readonly revision: number;
}

/** An owner's default preference (null once cleared), with its stream's revision. */
export interface DefaultChoice {
  readonly preference_id: string | null;
  readonly revision: number;
}

/**
 * Routing preferences and the org and user defaults, held once and referenced by id from keys,
 * so that a preference shared by many keys costs its rules once.
 */
export class RoutingDirectory {
  private readonly preferences = new Map<string, PreferenceEntry>();
  private readonly orgDefaults = new Map<string, DefaultChoice>();
  private readonly userDefaults = new Map<string, DefaultChoice>();
  private changes = 0;

  /** Moves on whenever a preference or a default changes: routing computed before is stale. */
  get version(): number {
    return this.changes;
  }

  /** Folds one routing preference event; an event already folded is skipped. */
  applyPreference(event: RecordedEvent & RoutingPreferenceEvent): void {
    const id = event.data.preference_id;
    const current = this.preferences.get(id);
    if (current !== undefined && event.revision <= current.revision) return;
    const next = evolvePreference(current, event);
    if (next !== undefined) this.setPreference(next);
  }

  /** Folds one default preference event; an event already folded is skipped. */
  applyDefault(event: RecordedEvent & DefaultPreferenceEvent): void {
    const [defaults, ownerId] = this.defaultsOf(event.data.owner);
    const current = defaults.get(ownerId);
    if (current !== undefined && event.revision <= current.revision) return;
    this.setDefault(defaults, ownerId, defaultChoiceAfter(event));
  }

  /** Puts back a preference read from a snapshot. */
  restorePreference(preference: PreferenceEntry): void {
    this.setPreference(preference);
  }

  /** Puts back an owner's default read from a snapshot. */
  restoreDefault(owner: DefaultOwner, choice: DefaultChoice): void {
    const [defaults, ownerId] = this.defaultsOf(owner);
    this.setDefault(defaults, ownerId, choice);
  }

  /** The routing a request with this key follows (SPEC §4's order, disabled preferences skipped). */
  routingFor(key: KeyEntry): EffectiveRouting {
    return resolveEffectiveRouting({
      key,
      boundPreference: this.preference(key.routing_preference_id),
      orgDefault: key.org_id === null ? null : this.defaultOf(this.orgDefaults, key.org_id),
      userDefault: this.defaultOf(this.userDefaults, key.owner_user_id),
    });
  }

  private setPreference(preference: PreferenceEntry): void {
    this.preferences.set(preference.id, preference);
    this.changes++;
  }

  private setDefault(
    defaults: Map<string, DefaultChoice>,
    ownerId: string,
    choice: DefaultChoice,
  ): void {
    defaults.set(ownerId, choice);
    this.changes++;
  }

  private defaultsOf(owner: DefaultOwner): [Map<string, DefaultChoice>, string] {
    return owner.kind === 'org'
      ? [this.orgDefaults, owner.org_id]
      : [this.userDefaults, owner.user_id];
  }

  private preference(id: string | null): RoutingCandidate | null {
    return id === null ? null : (this.preferences.get(id) ?? null);
  }

  private defaultOf(
    defaults: Map<string, DefaultChoice>,
    ownerId: string,
  ): RoutingCandidate | null {
    return this.preference(defaults.get(ownerId)?.preference_id ?? null);
  }
}

/** An owner's default after one of its events: the preference it names, or none once cleared. */
export function defaultChoiceAfter(event: RecordedEvent & DefaultPreferenceEvent): DefaultChoice {
  return {
    preference_id: event.type === 'DefaultPreferenceSet' ? event.data.preference_id : null,
    revision: event.revision,
  };
}

/** The preference after one event; a deleted one stays, flagged, so late copies of its events are skipped. */
export function evolvePreference(
  current: PreferenceEntry | undefined,
  event: RecordedEvent & RoutingPreferenceEvent,
): PreferenceEntry | undefined {
  const revision = event.revision;
  if (event.type === 'RoutingPreferenceCreated') {
    const { preference_id, name, enabled, rules, examples, confidence_floor_overrides } =
      event.data;
    return {
      id: preference_id,
      name,
      enabled,
      rules,
      examples,
      confidence_floor_overrides,
      revision,
    };
  }
  if (current === undefined) return undefined;
  switch (event.type) {
    case 'RoutingPreferenceUpdated': {
      const { name, rules, examples, confidence_floor_overrides } = event.data;
      return {
        ...current,
        name: name ?? current.name,
        rules: rules ?? current.rules,
        examples: examples ?? current.examples,
        confidence_floor_overrides:
          confidence_floor_overrides ?? current.confidence_floor_overrides,
        revision,
      };
    }
    case 'RoutingPreferenceEnabled':
      return { ...current, enabled: true, revision };
    case 'RoutingPreferenceDisabled':
      return { ...current, enabled: false, revision };
    case 'RoutingPreferenceDeleted':
      return { ...current, deleted: true, rules: [], examples: [], revision };
  }
}
