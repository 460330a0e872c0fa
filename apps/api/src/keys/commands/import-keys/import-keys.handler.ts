import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import {
  canSeeKey,
  DomainError,
  FieldError,
  ImportKey,
  importedKeyId,
  invalid,
  keyDecider,
  keyStream,
  OrgKeyPolicy,
  Principal,
} from '@keyledger/domain';
import { EventStore } from '@keyledger/event-store';
import { foldStream } from '@keyledger/commands';
import { EVENT_STORE } from '../../../infrastructure/tokens';
import { OrgKeyPolicies } from '../../../org-key-policy/org-key-policies';
import { ReadYourWrites } from '../../../shared/consistency/read-your-writes';
import { toFieldErrors } from '../../../shared/errors/validation.pipe';
import { RequestContext } from '../../../shared/request-context/request-context';
import { WriteMoment, WritePipeline } from '../../../shared/writes/write-pipeline';
import { canonicalAllowedIps } from '../../allowed-ips';
import { KeyDirectory, keyStreamOf } from '../../key-directory';
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

/**
 * Keys imported at once: their reads and checks overlap while the store appends one at a time.
 * Twins in one batch may race; the loser re-reads and finds the key (`already_imported`).
 */
const IMPORT_CONCURRENCY = 8;

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
    private readonly pipeline: WritePipeline,
    private readonly directory: KeyDirectory,
    private readonly policies: OrgKeyPolicies,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  async execute({ principal, context, request }: ImportKeysCommand): Promise<ImportResult> {
    // Each org's policy is read once per call: every key of the batch is held to the same one.
    const policies = new Map<string, Promise<OrgKeyPolicy>>();
    const batch: ImportBatch = {
      principal,
      // One instant for the whole call, as for any request that writes several streams.
      moment: this.pipeline.moment({ principal, context }),
      origin: request.origin ?? null,
      policyOf: (orgId) => {
        let policy = policies.get(orgId);
        if (policy === undefined) {
          policy = this.policies.of(orgId).then((versioned) => versioned.policy);
          policies.set(orgId, policy);
        }
        return policy;
      },
    };
    const results = await mapInTurns(request.keys, IMPORT_CONCURRENCY, (item, index) =>
      this.outcomeOf(batch, item, index),
    );
    const positions = results.flatMap(({ position }) => (position === null ? [] : [position]));
    const position = positions.length === 0 ? null : Math.max(...positions);
    const outcomes = results.map(({ outcome }) => outcome);
    // The keys read and resolve here once answered (elsewhere within the subscription's lag).
    await this.readYourWrites.reachedEverywhere(position);
    return { outcomes, position };
  }

  /** One key's outcome, and where its events went (null: nothing written). */
  private async outcomeOf(
    batch: ImportBatch,
    item: Record<string, unknown>,
    index: number,
  ): Promise<{ outcome: ImportedKeyOutcome; position: number | null }> {
    const hash = typeof item.hash === 'string' ? item.hash.toLowerCase() : null;
    try {
      const { status, key_id, position } = await this.importOne(batch, item);
      return { outcome: { index, status, hash: hash as string, key_id, error: null }, position };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const { code, message, fields } = error;
      const refusal = { code, message, fields };
      return {
        outcome: { index, status: 'refused', hash, key_id: null, error: refusal },
        position: null,
      };
    }
  }

  private async importOne(
    { principal, moment, origin, policyOf }: ImportBatch,
    item: Record<string, unknown>,
  ): Promise<{ status: 'created' | 'already_imported'; key_id: string; position: number | null }> {
    const dto = checkedItem(item);
    const hash = dto.hash.toLowerCase();
    const keyId = importedKeyId(hash);
    const holder = await this.directory.find(hash);
    if (holder !== null && holder.id !== keyId) {
      // A key of ours (created without a pepper) already has this secret: one secret, one key.
      throw new DomainError('already_exists', 'A key with this hash exists already.');
    }
    const orgId = dto.org_id ?? principal.active_org_id;
    const policy = orgId === null ? null : { org_id: orgId, policy: await policyOf(orgId) };
    const commandAt = (now: string): ImportKey => ({
      type: 'ImportKey',
      key_id: keyId,
      hash,
      hash_algorithm: dto.hash_algorithm ?? 'sha256',
      prefix: dto.prefix ?? '',
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
      org_key_policy: policy,
      plan_tier: principal.plan_tier,
      now,
    });
    try {
      // The key does not exist yet: its stream is filed under the org it is imported into.
      const written = await this.pipeline.writeAt(moment, {
        find: () => ({ id: keyId, org_id: orgId }),
        streamOf: keyStreamOf,
        commands: (_key, now) => [commandAt(now)],
        beforeAppend: (events) => assertMayCreate(principal, events),
      });
      return { status: 'created', key_id: keyId, position: written.position };
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

/** What every key of one import call shares. */
interface ImportBatch {
  readonly principal: Principal;
  readonly moment: WriteMoment;
  readonly origin: string | null;
  readonly policyOf: (orgId: string) => Promise<OrgKeyPolicy>;
}

/** The item as a create-like DTO, or a `validation_failed` naming its bad fields. */
function checkedItem(item: Record<string, unknown>): ImportedKeyDto {
  const dto = plainToInstance(ImportedKeyDto, item);
  const errors = validateSync(dto, ITEM_VALIDATION);
  if (errors.length > 0) throw invalid(toFieldErrors(errors));
  return dto;
}

/** `work` on every item, at most `width` at a time, the results in the items' order; stops at a failure. */
async function mapInTurns<T, R>(
  items: readonly T[],
  width: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      try {
        results[index] = await work(items[index], index);
      } catch (error) {
        // A failure fails the whole call: the other workers start no further item.
        next = items.length;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  return results;
}
