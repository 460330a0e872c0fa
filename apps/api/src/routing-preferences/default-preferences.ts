import { Inject, Injectable } from '@nestjs/common';
import {
  defaultOwnerOf,
  defaultOwnerStream,
  defaultPreferenceDecider,
  PreferenceOwnershipFacts,
} from '@keyledger/domain';
import { EventMetadata, EventStore } from '@keyledger/event-store';
import { EVENT_STORE } from '../infrastructure/tokens';
import { decideAndAppend } from '@keyledger/commands';

/** A preference as its owner's default needs it: whose it is, and which. */
export interface DefaultCandidate extends PreferenceOwnershipFacts {
  readonly id: string;
}

/**
 * Promotes and demotes defaults on the owner's stream (`org-<id>` / `user-<id>`), whose revision
 * guards "one default per scope": promoting records the demoted default in the same event.
 */
@Injectable()
export class DefaultPreferences {
  constructor(@Inject(EVENT_STORE) private readonly events: EventStore) {}

  /**
   * Makes the preference its owner's default (true) or stops it being one (false). Idempotent, so a
   * retried request completes rather than fails; returns the position written, null if none.
   */
  async mark(
    preference: DefaultCandidate,
    isDefault: boolean,
    metadata: EventMetadata,
  ): Promise<number | null> {
    const owner = defaultOwnerOf(preference);
    const outcome = await decideAndAppend(
      this.events,
      defaultPreferenceDecider,
      defaultOwnerStream(owner),
      {
        type: isDefault ? 'SetDefaultPreference' : 'ClearDefaultPreference',
        owner,
        preference_id: preference.id,
      },
      metadata,
    );
    return outcome.position;
  }
}
