import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import {
  canSeeKey,
  Clock,
  DomainError,
  FieldError,
  ImportKey,
  importedKeyId,
  invalid,
  keyDecider,
  keyStream,
  Principal,
} from '@keyledger/domain';
import { EventStore } from '@keyledger/event-store';
import { decideAndAppend, foldStream } from '@keyledger/commands';
import { CLOCK, EVENT_STORE } from '../../../infrastructure/tokens';
import { OrgKeyPolicies } from '../../../org-key-policy/org-key-policies';
import { WrittenHere } from '../../../shared/consistency/written-here';
import { toFieldErrors } from '../../../shared/errors/validation.pipe';
import { eventMetadata, RequestContext } from '../../../shared/request-context/request-context';
import { canonicalAllowedIps } from '../../allowed-ips';
import { KeyDirectory } from '../../key-directory';
import { assertMayCreate } from '../create-key/create-key.handler';
import { ImportedKeyDto, ImportKeysRequestDto } from './import-keys.request.dto';

export class ImportKeysCommand {
  constructor(
    readonly principal: Principal,
    readonly context: RequestContext,
    readonly request: ImportKeysRequestDto,
  ) {}
}

/** What became of one key of an import, in the order they were sent. */
export type ImportedKeyOutcome =
  | {
      readonly index: number;
      readonly status: 'created' | 'already_imported';
      readonly hash: string;
      readonly key_id: string;
      readonly error: null;
    }
  | {
      readonly index: number;
      readonly status: 'refused';
      readonly hash: string | null;
      readonly key_id: null;
      readonly error: {
        readonly code: string;
        readonly message: string;
        readonly fields: readonly FieldError[];
      };
    };

/** The outcome of every key, and the global position of the last event written (null: none). */
export interface ImportResult {
  readonly outcomes: readonly ImportedKeyOutcome[];
  readonly position: number | null;
}

const ITEM_VALIDATION = {
  whitelist: true,
  forbidNonWhitelisted: true,
  validationError: { target: false, value: false },
} as const;

/**
 * Imports keys by their secrets' SHA-256, one at a time, each as CreateKey would make it (its
 * caller's rights, its org's key policy). The key id derives from the hash, so a repeated
 * import (a retry, a second instance, a twin in the same batch) finds the stream there and
 * answers `already_imported` without writing. Answers once this instance reads and resolves them.
 */
@CommandHandler(ImportKeysCommand)
export class ImportKeysHandler implements ICommandHandler<ImportKeysCommand, ImportResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly directory: KeyDirectory,
    private readonly policies: OrgKeyPolicies,
    private readonly written: WrittenHere,
  ) {}

  async execute({ principal, context, request }: ImportKeysCommand): Promise<ImportResult> {
    const outcomes: ImportedKeyOutcome[] = [];
    let position: number | null = null;
    for (const [index, item] of request.keys.entries()) {
      const hash = typeof item.hash === 'string' ? item.hash.toLowerCase() : null;
      try {
        const outcome = await this.importOne(principal, context, item, request.origin ?? null);
        position = outcome.position ?? position;
        outcomes.push({
          index,
          status: outcome.status,
          hash: hash as string,
          key_id: outcome.key_id,
          error: null,
        });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        const { code, message, fields } = error;
        outcomes.push({
          index,
          status: 'refused',
          hash,
          key_id: null,
          error: { code, message, fields },
        });
      }
    }
    // The keys read and resolve here once answered (elsewhere within the subscription's lag).
    await this.written.seen(position);
    return { outcomes, position };
  }

  private async importOne(
    principal: Principal,
    context: RequestContext,
    item: Record<string, unknown>,
    origin: string | null,
  ): Promise<{ status: 'created' | 'already_imported'; key_id: string; position: number | null }> {
    const dto = checkedItem(item);
    const hash = dto.hash.toLowerCase();
    const keyId = importedKeyId(hash);
    const holder = await this.directory.find(hash);
    if (holder !== null && holder.id !== keyId) {
      // A key of ours (created without a pepper) already has this secret: one secret, one key.
      throw new DomainError('already_exists', 'A key with this hash exists already.');
    }
    const now = this.clock.now();
    const orgId = dto.org_id ?? principal.active_org_id;
    const command: ImportKey = {
      type: 'ImportKey',
      key_id: keyId,
      hash,
      hash_algorithm: dto.hash_algorithm,
      prefix: dto.prefix,
      origin,
      name: dto.name,
      scope: dto.scope,
      org_id: dto.org_id,
      active_org_id: principal.active_org_id,
      creator_orgs: principal.orgs,
      owner_user_id: principal.user_id,
      scopes: dto.scopes,
      limit: dto.limit,
      limit_reset: dto.limit_reset,
      include_byok_in_limit: dto.include_byok_in_limit,
      expires_at: dto.expires_at,
      allowed_ips: canonicalAllowedIps(dto.allowed_ips),
      rate_limits: dto.rate_limits,
      metadata: dto.metadata,
      external_id: dto.external_id,
      org_key_policy:
        orgId === null ? null : { org_id: orgId, policy: (await this.policies.of(orgId)).policy },
      plan_tier: principal.plan_tier,
      now: now.toISOString(),
    };
    try {
      const outcome = await decideAndAppend(
        this.events,
        keyDecider,
        keyStream(keyId),
        command,
        eventMetadata(principal, context, orgId, now),
        { beforeAppend: (events) => assertMayCreate(principal, events) },
      );
      return { status: 'created', key_id: keyId, position: outcome.position };
    } catch (error) {
      const exists = error instanceof DomainError && error.code === 'already_exists';
      if (!exists || !(await this.mayKnow(principal, keyId))) throw error;
      return { status: 'already_imported', key_id: keyId, position: null };
    }
  }

  /** Whether the caller may see the key already imported with this id (else it is only "exists"). */
  private async mayKnow(principal: Principal, keyId: string): Promise<boolean> {
    const state = foldStream(keyDecider, await this.events.readStream(keyStream(keyId)));
    return state.status !== 'absent' && canSeeKey(principal, state.key);
  }
}

/** The item as a create-like DTO, or a `validation_failed` naming its bad fields. */
function checkedItem(item: Record<string, unknown>): ImportedKeyDto {
  const dto = plainToInstance(ImportedKeyDto, item);
  const errors = validateSync(dto, ITEM_VALIDATION);
  if (errors.length > 0) throw invalid(toFieldErrors(errors));
  return dto;
}
