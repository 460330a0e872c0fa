import { ApiResponse, unwrap } from '../core/api-response';
import { operation } from '../core/operation';
import { PageResponse, paginate } from '../core/pagination';
import { CreateOptions, ReadOptions, WriteOptions } from '../core/request-options';
import { Transport } from '../core/transport';
import { KEY_HISTORY_ENTRY_FIELDS, KeyHistoryEntry } from '../audit/audit.types';
import { EffectiveRoutingResource } from '../routing-preferences/effective-routing.resource';
import { KeyRoutingPreferenceResource } from '../routing-preferences/key-routing-preference.resource';
import { KeyRoutingRulesResource } from '../routing-preferences/key-routing-rules.resource';
import {
  IMPORT_KEYS_FIELDS,
  IMPORTED_KEY_OUTCOME_FIELDS,
  ImportedKeyOutcome,
  ImportKeysRequest,
  LEAK_REPORT_RECEIPT_FIELDS,
  LeakReportReceipt,
  REPORT_LEAK_FIELDS,
  ReportLeakRequest,
} from './key-import.types';
import {
  CREATE_KEY_FIELDS,
  CreateKeyRequest,
  Key,
  KEY_FIELDS,
  LIST_KEYS_FIELDS,
  ListKeysQuery,
  RESET_KEY_LIMIT_FIELDS,
  ResetKeyLimitRequest,
  REVOKE_KEY_FIELDS,
  RevokeKeyQuery,
  ROTATE_KEY_FIELDS,
  RotateKeyRequest,
  UPDATE_KEY_FIELDS,
  UpdateKeyRequest,
} from './key.types';

/** The routes of `/api/v1/keys`. */
export const KEY_OPERATIONS = {
  create: operation('POST', '/api/v1/keys', { body: CREATE_KEY_FIELDS, response: KEY_FIELDS }),
  list: operation('GET', '/api/v1/keys', { query: LIST_KEYS_FIELDS, response: KEY_FIELDS }),
  get: operation('GET', '/api/v1/keys/{id}', { response: KEY_FIELDS }),
  update: operation('PATCH', '/api/v1/keys/{id}', {
    body: UPDATE_KEY_FIELDS,
    response: KEY_FIELDS,
  }),
  revoke: operation('DELETE', '/api/v1/keys/{id}', {
    query: REVOKE_KEY_FIELDS,
    response: KEY_FIELDS,
  }),
  rotate: operation('POST', '/api/v1/keys/{id}/rotate', {
    body: ROTATE_KEY_FIELDS,
    response: KEY_FIELDS,
  }),
  resetLimit: operation('POST', '/api/v1/keys/{id}/limit/reset', {
    body: RESET_KEY_LIMIT_FIELDS,
    response: KEY_FIELDS,
  }),
  history: operation('GET', '/api/v1/keys/{id}/history', { response: KEY_HISTORY_ENTRY_FIELDS }),
  import: operation('POST', '/api/v1/keys/import', {
    body: IMPORT_KEYS_FIELDS,
    response: IMPORTED_KEY_OUTCOME_FIELDS,
  }),
  reportLeak: operation('POST', '/api/v1/keys/report-leak', {
    body: REPORT_LEAK_FIELDS,
    response: LEAK_REPORT_RECEIPT_FIELDS,
  }),
} as const;

/** An import's answer: each key's outcome in order, and how many had each. */
export type ImportKeysResponse = ApiResponse<readonly ImportedKeyOutcome[]> & {
  readonly summary: {
    readonly created: number;
    readonly already_imported: number;
    readonly refused: number;
  };
};

/**
 * A key command's answer. `data` is null only with status 202: the write is stored but reads
 * did not show it within the service's bound; read again with `minPosition: position`.
 */
export type KeyWriteResponse = ApiResponse<Key | null>;

/** A create or rotate answer: the only place the secret ever appears. */
export type KeySecretResponse = KeyWriteResponse & {
  /** The full secret; null on an idempotent replay (it is stored nowhere, so it cannot repeat). */
  readonly secret: string | null;
  /** True when an Idempotency-Key retry answered with the key the first request created. */
  readonly replayed: boolean;
};

/** Revoke's options: the audit reason, and the revision the caller last saw. */
export type RevokeKeyOptions = WriteOptions & RevokeKeyQuery;

type KeyEnvelope = { readonly data: Key | null };
type SecretEnvelope = KeyEnvelope & { readonly secret: string | null };
type KeyPage = { readonly data: Key[]; readonly next_cursor: string | null };
type History = { readonly key_id: string; readonly data: KeyHistoryEntry[] };
type ImportAnswer = {
  readonly data: ImportedKeyOutcome[];
  readonly summary: ImportKeysResponse['summary'];
};

/** A key's history: every event of its stream, oldest first, and the key's id. */
export type KeyHistoryResponse = ApiResponse<readonly KeyHistoryEntry[]> & {
  readonly key_id: string;
};

/** `client.keys`: API keys (SPEC §2) and, per key, their routing (SPEC §4). */
export class KeysResource {
  /** `/api/v1/keys/{id}/routing-preference`: the key's binding. */
  readonly routingPreference: KeyRoutingPreferenceResource;
  /** `/api/v1/keys/{id}/routing-rules`: rules kept on the key itself. */
  readonly routingRules: KeyRoutingRulesResource;
  /** `/api/v1/keys/{id}/effective-routing`. */
  readonly effectiveRouting: EffectiveRoutingResource;

  constructor(private readonly transport: Transport) {
    this.routingPreference = new KeyRoutingPreferenceResource(transport);
    this.routingRules = new KeyRoutingRulesResource(transport);
    this.effectiveRouting = new EffectiveRoutingResource(transport);
  }

  /** Creates a key; pass an `idempotencyKey` to make retries safe. */
  async create(body: CreateKeyRequest, options: CreateOptions = {}): Promise<KeySecretResponse> {
    return withSecret(
      await this.transport.call<SecretEnvelope>(KEY_OPERATIONS.create, { body, options }),
    );
  }

  /** One page of the keys the caller can see, newest first. */
  async list(query: ListKeysQuery = {}, options: ReadOptions = {}): Promise<PageResponse<Key>> {
    return unwrap(await this.transport.call<KeyPage>(KEY_OPERATIONS.list, { query, options }));
  }

  /** Every key the query matches, page after page: `for await (const key of …)`. */
  iterate(
    query: Omit<ListKeysQuery, 'cursor'> = {},
    options: ReadOptions = {},
  ): AsyncGenerator<Key> {
    return paginate((cursor) => this.list({ ...query, cursor }, options));
  }

  /** A key by its id or the hash of its secret, with its `etag`. */
  async get(idOrHash: string, options: ReadOptions = {}): Promise<ApiResponse<Key>> {
    const params = { id: idOrHash };
    return unwrap(
      await this.transport.call<{ data: Key }>(KEY_OPERATIONS.get, { params, options }),
    );
  }

  /** Changes every field the patch names in one write; a patch that changes nothing writes nothing. */
  async update(
    idOrHash: string,
    patch: UpdateKeyRequest,
    options: WriteOptions = {},
  ): Promise<KeyWriteResponse> {
    const params = { id: idOrHash };
    return unwrap(
      await this.transport.call<KeyEnvelope>(KEY_OPERATIONS.update, {
        params,
        body: patch,
        options,
      }),
    );
  }

  /** Revokes the key for good (`DELETE`): its secret never authenticates again. */
  async revoke(
    idOrHash: string,
    { reason, ...options }: RevokeKeyOptions = {},
  ): Promise<KeyWriteResponse> {
    const params = { id: idOrHash };
    const query: RevokeKeyQuery = { reason };
    return unwrap(
      await this.transport.call<KeyEnvelope>(KEY_OPERATIONS.revoke, { params, query, options }),
    );
  }

  /** Replaces the secret; the old one keeps working for `grace_period_seconds` (default 0). */
  async rotate(
    idOrHash: string,
    body: RotateKeyRequest = {},
    options: WriteOptions = {},
  ): Promise<KeySecretResponse> {
    const params = { id: idOrHash };
    return withSecret(
      await this.transport.call<SecretEnvelope>(KEY_OPERATIONS.rotate, { params, body, options }),
    );
  }

  /** Restarts the key's usage window now; the reason goes into the audit trail. */
  async resetLimit(
    idOrHash: string,
    body: ResetKeyLimitRequest,
    options: WriteOptions = {},
  ): Promise<KeyWriteResponse> {
    const params = { id: idOrHash };
    return unwrap(
      await this.transport.call<KeyEnvelope>(KEY_OPERATIONS.resetLimit, { params, body, options }),
    );
  }

  /**
   * Takes over keys made elsewhere by their secrets' SHA-256 (idempotent on the hash): each is
   * created, `already_imported` or refused with its reason. Read with `minPosition: position`.
   */
  async import(body: ImportKeysRequest, options: WriteOptions = {}): Promise<ImportKeysResponse> {
    return unwrap(
      await this.transport.call<ImportAnswer>(KEY_OPERATIONS.import, { body, options }),
    );
  }

  /** Reports a secret found where it should not be; the answer is the same whether it matched or not. */
  async reportLeak(
    body: ReportLeakRequest,
    options: WriteOptions = {},
  ): Promise<ApiResponse<LeakReportReceipt>> {
    return unwrap(
      await this.transport.call<{ data: LeakReportReceipt }>(KEY_OPERATIONS.reportLeak, {
        body,
        options,
      }),
    );
  }

  /** Every change to the key, oldest first, with actor, org, request ids, IP and user agent. */
  async history(idOrHash: string, options: ReadOptions = {}): Promise<KeyHistoryResponse> {
    const params = { id: idOrHash };
    return unwrap(await this.transport.call<History>(KEY_OPERATIONS.history, { params, options }));
  }
}

/** The answer with its secret, and whether it replays an earlier create. */
function withSecret(response: ApiResponse<SecretEnvelope>): KeySecretResponse {
  return { ...unwrap(response), replayed: response.headers.get('idempotent-replayed') === 'true' };
}
