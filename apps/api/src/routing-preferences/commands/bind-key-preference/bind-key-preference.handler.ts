import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  assertBindable,
  routingPreferenceDecider,
  routingPreferenceStream,
} from '@keyledger/domain';
import { EventStore } from '@keyledger/event-store';
import { foldStream } from '@keyledger/commands';
import { EVENT_STORE } from '../../../infrastructure/tokens';
import { CommandTarget } from '../../../shared/http/command-target';
import { WriteResult } from '../../../shared/writes/write-result';
import { KeyPreferenceView, toKeyPreferenceView } from '../../key-routing-view';
import { KeyRoutingWriter } from '../../key-routing-writer';
import { PreferenceDirectory, preferenceNotFound } from '../../preference-directory';

export class BindKeyPreferenceCommand {
  constructor(
    readonly target: CommandTarget,
    readonly preferenceId: string | null,
  ) {}
}

/** Binds a key to a preference it may follow, or (null) clears the binding. */
@CommandHandler(BindKeyPreferenceCommand)
export class BindKeyPreferenceHandler implements ICommandHandler<
  BindKeyPreferenceCommand,
  WriteResult<KeyPreferenceView>
> {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    private readonly writer: KeyRoutingWriter,
    private readonly preferences: PreferenceDirectory,
  ) {}

  async execute({
    target,
    preferenceId,
  }: BindKeyPreferenceCommand): Promise<WriteResult<KeyPreferenceView>> {
    const result = await this.writer.write(
      target,
      (now) => ({ type: 'BindPreference', preference_id: preferenceId, now }),
      // The caller must see the preference (else 404) before learning whether it fits the key.
      async (key) => {
        if (preferenceId !== null)
          assertBindable(await this.preferences.findVisible(target.principal, preferenceId), key);
      },
    );
    if (preferenceId !== null) await this.undoIfDeletedMeanwhile(target, preferenceId);
    return { ...result, data: toKeyPreferenceView(result.data) };
  }

  /**
   * A DELETE of the preference may have landed between the check above and the append. Its cleanup
   * unbinds every key the read model shows bound up to the deletion; a binding appended after the
   * deletion is not among them, so this request undoes it itself and answers 404.
   */
  private async undoIfDeletedMeanwhile(target: CommandTarget, preferenceId: string): Promise<void> {
    const history = await this.events.readStream(routingPreferenceStream(preferenceId));
    if (foldStream(routingPreferenceDecider, history).status === 'live') return;
    await this.writer.write({ ...target, ifMatch: null }, (now) => ({
      type: 'DetachDeletedPreference',
      preference_id: preferenceId,
      now,
    }));
    throw preferenceNotFound();
  }
}
