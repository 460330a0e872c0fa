import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  canCreateKeyIn,
  CreateKey,
  DomainError,
  generateSecret,
  hashSecret,
  IdGenerator,
  keyDecider,
  KeyEvent,
  Principal,
  secretLabel,
  SecretGenerator,
} from '@keyledger/domain';
import { EventMetadata } from '@keyledger/event-store';
import { APP_CONFIG, AppConfig } from '@keyledger/runtime';
import { ID_GENERATOR, SECRET_GENERATOR } from '../../../infrastructure/tokens';
import { RequestContext } from '../../../shared/request-context/request-context';
import { WritePipeline } from '../../../shared/writes/write-pipeline';
import { OrgKeyPolicies } from '../../../org-key-policy/org-key-policies';
import { canonicalAllowedIps } from '../../allowed-ips';
import { keyStreamOf } from '../../key-directory';
import { KeyReader, KeyWriteResult } from '../../key-reader';
import { CreateKeyInput } from './create-key.input';
import { IdempotencyClaims } from './idempotency-claims';
import { idempotencyStream, requestFingerprint } from './idempotency-key';

export class CreateKeyCommand {
  constructor(
    readonly principal: Principal,
    readonly context: RequestContext,
    readonly request: CreateKeyInput,
    /** The `Idempotency-Key` header, or null. */
    readonly idempotencyKey: string | null,
  ) {}
}

/** The new key and its secret, which is shown this once and stored nowhere. */
export interface CreatedKey extends KeyWriteResult {
  /** null when the request repeats one that already created the key: its secret is gone. */
  readonly secret: string | null;
  /** Whether an earlier request with the same Idempotency-Key created the key. */
  readonly replayed: boolean;
}

/**
 * Creates a key. With an Idempotency-Key, the request first claims the key in the event store,
 * reserving the key id it will create; then it creates that key. A crash in between leaves a
 * claim whose key does not exist yet, and the retry creates exactly that key (and shows its
 * secret, which nobody saw). Whichever of several identical requests appends to the reserved
 * key stream first creates it (`no_stream`); the others answer with the key they find.
 */
@CommandHandler(CreateKeyCommand)
export class CreateKeyHandler implements ICommandHandler<CreateKeyCommand, CreatedKey> {
  constructor(
    private readonly pipeline: WritePipeline,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    @Inject(SECRET_GENERATOR) private readonly random: SecretGenerator,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly claims: IdempotencyClaims,
    private readonly reader: KeyReader,
    private readonly policies: OrgKeyPolicies,
  ) {}

  async execute({
    principal,
    context,
    request,
    idempotencyKey,
  }: CreateKeyCommand): Promise<CreatedKey> {
    const caller = { principal, context, ifMatch: null };
    // The claim and the key are recorded at one instant.
    const moment = this.pipeline.moment(caller);
    const secret = generateSecret(this.config.keyPrefix, this.random, this.config.keyFormat);
    const orgId = request.org_id ?? principal.active_org_id;
    const proposed = await this.propose(principal, request, secret, orgId, moment.now);
    const keyId =
      idempotencyKey === null
        ? proposed.key_id
        : await this.reserve(
            principal,
            idempotencyKey,
            request,
            proposed,
            moment.metadataFor(orgId),
          );
    try {
      const written = await this.pipeline.write(
        caller,
        {
          find: () => ({ ...proposed, key_id: keyId }),
          streamOf: () => keyStreamOf({ id: keyId, org_id: orgId }),
          commands: (command) => [command],
          beforeAppend: (events) => assertMayCreate(principal, events),
        },
        moment,
      );
      return { ...(await this.reader.afterWrite(keyId, written)), secret, replayed: false };
    } catch (error) {
      const exists = error instanceof DomainError && error.code === 'already_exists';
      // Only a reserved id can hold a key already: an earlier or concurrent twin of this request.
      if (!exists || idempotencyKey === null) throw error;
      return { ...(await this.reader.afterLatest(keyId)), secret: null, replayed: true };
    }
  }

  /** The create command a request stands for, decided on later (its key id may be replaced). */
  private async propose(
    principal: Principal,
    request: CreateKeyInput,
    secret: string,
    orgId: string | null,
    now: Date,
  ): Promise<CreateKey> {
    return {
      type: 'CreateKey',
      key_id: this.ids.next(),
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
      allowed_ips: canonicalAllowedIps(request.allowed_ips),
      rate_limits: request.rate_limits,
      alert_thresholds: request.alert_thresholds,
      metadata: request.metadata,
      external_id: request.external_id,
      // The decider applies it only if the key turns out to be an org key of this org.
      org_key_policy:
        orgId === null ? null : { org_id: orgId, policy: (await this.policies.of(orgId)).policy },
      plan_tier: principal.plan_tier,
      now: now.toISOString(),
    };
  }

  /** Claims the idempotency key for this request, or finds the key id an earlier one reserved. */
  private reserve(
    principal: Principal,
    idempotencyKey: string,
    request: CreateKeyInput,
    proposed: CreateKey,
    metadata: EventMetadata,
  ): Promise<string> {
    // Decided before claiming: a request the domain refuses claims nothing and writes nothing.
    assertMayCreate(principal, keyDecider.decide(proposed, keyDecider.initialState));
    return this.claims.claim(
      idempotencyStream(principal.user_id, idempotencyKey),
      { fingerprint: requestFingerprint(request), key_id: proposed.key_id },
      metadata,
    );
  }
}

/** The decider settles which org the key belongs to; the caller must be allowed to create there. */
export function assertMayCreate(principal: Principal, events: readonly KeyEvent[]): void {
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
