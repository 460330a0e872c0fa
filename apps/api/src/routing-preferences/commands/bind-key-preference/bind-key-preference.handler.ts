import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  assertBindable,
  Principal,
  routingPreferenceDecider,
  routingPreferenceStream,
} from '@keyledger/domain';
import { EventStore } from '@keyledger/event-store';
import { KeyDocument } from '@keyledger/read-models';
import { EVENT_STORE } from '../../../infrastructure/tokens';
import { foldStream } from '@keyledger/commands';
import { RequestContext } from '../../../shared/request-context/request-context';
import { KeyPreferenceView, toKeyPreferenceView } from '../../key-routing-view';
import { KeyRoutingWriter } from '../../key-routing-writer';
import { PreferenceDirectory, preferenceNotFound } from '../../preference-directory';
import { WriteResult } from '../../write-result';

export class BindKeyPreferenceCommand {
  constructor(
    readonly principal: Principal,
    readonly context: RequestContext,
    readonly idOrHash: string,
    readonly preferenceId: string | null,
    readonly ifMatch: number | null,
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
    principal,
    context,
    idOrHash,
    preferenceId,
    ifMatch,
  }: BindKeyPreferenceCommand): Promise<WriteResult<KeyPreferenceView>> {
    const key = await this.writer.manageableKey(principal, idOrHash);
    // The caller must see the preference (else 404) before learning whether it fits the key.
    if (preferenceId !== null)
      assertBindable(await this.preferences.findVisible(principal, preferenceId), key);
    const result = await this.writer.write(
      principal,
      context,
      key,
      (now) => ({ type: 'BindPreference', preference_id: preferenceId, now }),
      ifMatch,
    );
    if (preferenceId !== null)
      await this.undoIfDeletedMeanwhile(principal, context, key, preferenceId);
    return { ...result, data: toKeyPreferenceView(result.data) };
  }

  /**
   * A DELETE of the preference may have landed between the check above and the append. Its cleanup
   * unbinds every key the read model shows bound up to the deletion; a binding appended after the
   * deletion is not among them, so this request undoes it itself and answers 404.
   */
  private async undoIfDeletedMeanwhile(
    principal: Principal,
    context: RequestContext,
    key: KeyDocument,
    preferenceId: string,
  ): Promise<void> {
    const history = await this.events.readStream(routingPreferenceStream(preferenceId));
    if (foldStream(routingPreferenceDecider, history).status === 'live') return;
    await this.writer.write(
      principal,
      context,
      key,
      (now) => ({ type: 'DetachDeletedPreference', preference_id: preferenceId, now }),
      null,
    );
    throw preferenceNotFound();
  }
}
