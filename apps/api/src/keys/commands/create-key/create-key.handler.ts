import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  canCreateKeyIn,
  Clock,
  DomainError,
  generateSecret,
  hashSecret,
  IdGenerator,
  keyDecider,
  KeyEvent,
  keyStream,
  Principal,
  secretLabel,
  SecretGenerator,
} from '@keyledger/domain';
import { EventStore } from '@keyledger/event-store';
import { APP_CONFIG, AppConfig } from '../../../config/app-config';
import { CLOCK, EVENT_STORE, ID_GENERATOR, SECRET_GENERATOR } from '../../../infrastructure/tokens';
import { decideAndAppend } from '../../../shared/commands/decide-and-append';
import { eventMetadata, RequestContext } from '../../../shared/request-context/request-context';
import { KeyReader, KeyWriteResult } from '../../key-reader';
import { CreateKeyRequestDto } from './create-key.request.dto';

export class CreateKeyCommand {
  constructor(
    readonly principal: Principal,
    readonly context: RequestContext,
    readonly request: CreateKeyRequestDto,
  ) {}
}

/** The new key and its secret, which is shown this once and stored nowhere. */
export interface CreatedKey extends KeyWriteResult {
  readonly secret: string;
}

@CommandHandler(CreateKeyCommand)
export class CreateKeyHandler implements ICommandHandler<CreateKeyCommand, CreatedKey> {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    @Inject(SECRET_GENERATOR) private readonly random: SecretGenerator,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly reader: KeyReader,
  ) {}

  async execute({ principal, context, request }: CreateKeyCommand): Promise<CreatedKey> {
    const now = this.clock.now();
    const keyId = this.ids.next();
    const secret = generateSecret(this.config.keyPrefix, this.random);
    const outcome = await decideAndAppend(
      this.events,
      keyDecider,
      keyStream(keyId),
      {
        type: 'CreateKey',
        key_id: keyId,
        hash: hashSecret(secret, this.config.keyHashPepper),
        label: secretLabel(secret, this.config.keyPrefix),
        name: request.name,
        scope: request.scope,
        org_id: request.org_id,
        active_org_id: principal.active_org_id,
        creator_orgs: principal.orgs,
        owner_user_id: principal.user_id,
        scopes: request.scopes,
        limit: request.limit,
        limit_reset: request.limit_reset,
        include_byok_in_limit: request.include_byok_in_limit,
        expires_at: request.expires_at,
        plan_tier: principal.plan_tier,
        now: now.toISOString(),
      },
      eventMetadata(principal, context, request.org_id ?? principal.active_org_id, now),
      { beforeAppend: (events) => assertMayCreate(principal, events) },
    );
    return { ...(await this.reader.afterWrite(keyId, outcome)), secret };
  }
}

/** The decider settles which org the key belongs to; the caller must be allowed to create there. */
function assertMayCreate(principal: Principal, events: readonly KeyEvent[]): void {
  for (const event of events) {
    if (event.type === 'KeyCreated' && !canCreateKeyIn(principal, event.data.org_id)) {
      throw new DomainError(
        'forbidden',
        event.data.org_id === null
          ? 'This API key may not create keys.'
          : 'Creating an org key needs the manageApiKeys permission in that organization.',
      );
    }
  }
}
