/** Refused resolutions by refusal code (`limit_exceeded`, `key_disabled`, …); codes never seen are absent. */
export type RefusalCounts = Readonly<Record<string, number>>;

/** What one model's share of a usage batch came to. */
export interface ModelUsage {
  /** Usage reports naming this model. */
  readonly reports: number;
  readonly cost: number;
  readonly byok_cost: number;
  /** Resolutions admitted for this model (schema 2; absent in schema 1). */
  readonly requests?: number;
  /** Resolutions refused for this model, by code (schema 2; absent in schema 1). */
  readonly refused?: RefusalCounts;
}

/**
 * The payload version of `KeyUsageRecorded`. 1 (no field): admitted requests and reported costs.
 * 2: also refused resolutions by code, and admitted requests per model.
 */
export const USAGE_SCHEMA_VERSION = 2;

/**
 * A key's usage over part of one UTC minute, as one resolution instance counted it. Appended once
 * per key per flush interval on `key_usage-<key_id>`, never on `key-<id>`, so that usage never
 * contends with management commands; appends use expected revision `any` since usage commutes.
 * A batch never spans a UTC minute, hence never a minute, hour, day, week or month window, so a
 * rebuild can place it in every window exactly.
 */
export interface KeyUsageRecorded {
  readonly type: 'KeyUsageRecorded';
  readonly data: {
    readonly key_id: string;
    /** The instance that counted it: it already holds these figures and skips its own events. */
    readonly instance_id: string;
    /** First and last activity of the batch (ISO-8601, same UTC minute). */
    readonly from: string;
    readonly to: string;
    /** Requests admitted by resolution (refused ones are in `refused`). */
    readonly requests: number;
    /** Credits billed by the platform. */
    readonly cost: number;
    /** Credits billed to the customer's own provider key. */
    readonly byok_cost: number;
    readonly by_model: Readonly<Record<string, ModelUsage>>;
    /**
     * Position of the `KeyLimitReset` in force when the usage was counted (null: none yet). It
     * counts toward the limit only while that reset is still the key's latest.
     */
    readonly limit_reset_position: number | null;
    /** `USAGE_SCHEMA_VERSION` of the payload; absent: 1. */
    readonly schema_version?: number;
    /**
     * Resolutions of the key refused in the batch, by code (schema 2). A batch holding refusals
     * holds nothing else (requests, costs and reports are 0): refusals never move usage figures
     * or `last_used_at`, so their batches stay apart (see `countsUsage`).
     */
    readonly refused?: RefusalCounts;
  };
}

/** Whether a usage batch counts usage (admitted requests, reports), not only refusals. */
export const countsUsage = (data: KeyUsageRecorded['data']): boolean =>
  data.refused === undefined || Object.keys(data.refused).length === 0;

/** Every fact a key's usage stream can hold. */
export type UsageEvent = KeyUsageRecorded;

/** Stream of one key's usage events. */
export const keyUsageStream = (keyId: string): string => `key_usage-${keyId}`;
