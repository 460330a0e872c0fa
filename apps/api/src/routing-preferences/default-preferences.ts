import { Injectable } from '@nestjs/common';
import {
  defaultOwnerOf,
  defaultOwnerStream,
  defaultPreferenceDecider,
  PreferenceOwnershipFacts,
} from '@keyledger/domain';
import { WriteMoment, WritePipeline } from '../shared/writes/write-pipeline';

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
  constructor(private readonly pipeline: WritePipeline) {}

  /**
   * Makes the preference its owner's default (true) or stops it being one (false). Idempotent, so a
   * retried request completes rather than fails; returns the position written, null if none.
   * A follow-up of the preference's own write, at its `moment`.
   */
  async mark(
    preference: DefaultCandidate,
    isDefault: boolean,
    moment: WriteMoment,
  ): Promise<number | null> {
    const owner = defaultOwnerOf(preference);
    const written = await this.pipeline.writeAt(moment, {
      find: () => preference,
      streamOf: () => ({
        decider: defaultPreferenceDecider,
        stream: defaultOwnerStream(owner),
        orgId: preference.org_id,
      }),
      commands: () => [
        {
          type: isDefault ? 'SetDefaultPreference' : 'ClearDefaultPreference',
          owner,
          preference_id: preference.id,
        },
      ],
    });
    return written.position;
  }
}
