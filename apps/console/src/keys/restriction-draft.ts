import { FieldError, Key, KeyMetadata, RateLimit, UpdateKeyRequest } from '@keyledger/client';

/** The units a rate limit's window can be typed in, with their length in milliseconds. */
export const DURATION_UNITS = {
  ms: 1,
  s: 1_000,
  min: 60_000,
  h: 3_600_000,
  d: 86_400_000,
} as const;
/** One of DURATION_UNITS. */
export type DurationUnit = keyof typeof DURATION_UNITS;

/** A rate limit as its row of the form holds it: text as typed, the window in a unit. */
export interface RateLimitDraft {
  /** Keeps a row's identity while rows above it are removed. */
  readonly row: string;
  readonly name: string;
  readonly limit: string;
  readonly every: string;
  readonly unit: DurationUnit;
}

/** A key's restrictions and identity as the form holds them. */
export interface RestrictionsDraft {
  /** One address or CIDR per line. */
  readonly allowedIps: string;
  readonly rateLimits: readonly RateLimitDraft[];
  /** A JSON object, or blank for none. */
  readonly metadata: string;
  readonly externalId: string;
  readonly reason: string;
}

const newRow = (): string => crypto.randomUUID();

/** A blank rate limit row: 600 a minute, as the common case. */
export const blankRateLimit = (): RateLimitDraft => ({
  row: newRow(),
  name: '',
  limit: '600',
  every: '1',
  unit: 'min',
});

/** The row of a stored limit, its window in the largest unit that divides it. */
export function rateLimitDraft(limit: RateLimit): RateLimitDraft {
  const units = Object.entries(DURATION_UNITS).reverse() as [DurationUnit, number][];
  const [unit, size] = units.find(([, ms]) => limit.duration_ms % ms === 0) ?? ['ms', 1];
  return {
    row: newRow(),
    name: limit.name,
    limit: String(limit.limit),
    every: String(limit.duration_ms / size),
    unit,
  };
}

/** The form's start: the key's restrictions as they are. */
export const restrictionsDraft = (key: Key): RestrictionsDraft => ({
  allowedIps: key.allowed_ips.join('\n'),
  rateLimits: key.rate_limits.map(rateLimitDraft),
  metadata: Object.keys(key.metadata).length === 0 ? '' : JSON.stringify(key.metadata, null, 2),
  externalId: key.external_id ?? '',
  reason: '',
});

/** The typed allowlist: one entry per line or comma, blanks dropped. */
export const allowlistEntries = (text: string): string[] =>
  text
    .split(/[\s,]+/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');

const rateLimit = (draft: RateLimitDraft): RateLimit => ({
  name: draft.name.trim(),
  limit: Number(draft.limit),
  duration_ms: Number(draft.every) * DURATION_UNITS[draft.unit],
});

const METADATA_SHAPE = 'must be a JSON object of scalar values, as {"team": "search"}';

/** The typed metadata, or null when it is not a JSON object (the service checks the rest). */
function parseMetadata(text: string): KeyMetadata | null {
  if (text.trim() === '') return {};
  try {
    const value: unknown = JSON.parse(text);
    const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
    return isObject ? (value as KeyMetadata) : null;
  } catch {
    return null;
  }
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** What saving the draft sends: only what changed, or the problems that keep it from being sent. */
export type RestrictionsPatch =
  | { readonly patch: UpdateKeyRequest; readonly problems?: undefined }
  | { readonly patch?: undefined; readonly problems: readonly FieldError[] };

/**
 * The PATCH for a draft: each restriction sent only when it differs from the key's (each one sent
 * replaces the whole list or object, and is an event in the key's history). The service checks
 * and normalises every value; its refusals come back per field.
 */
export function restrictionsPatch(key: Key, draft: RestrictionsDraft): RestrictionsPatch {
  const metadata = parseMetadata(draft.metadata);
  if (metadata === null) return { problems: [{ field: 'metadata', message: METADATA_SHAPE }] };
  const allowed = allowlistEntries(draft.allowedIps);
  const limits = draft.rateLimits.map(rateLimit);
  const externalId = draft.externalId.trim() === '' ? null : draft.externalId.trim();
  const patch: { -readonly [F in keyof UpdateKeyRequest]: UpdateKeyRequest[F] } = {};
  if (!same(allowed, key.allowed_ips)) patch.allowed_ips = allowed;
  if (!same(limits, key.rate_limits)) patch.rate_limits = limits;
  if (!same(metadata, key.metadata)) patch.metadata = metadata;
  if (externalId !== key.external_id) patch.external_id = externalId;
  if (Object.keys(patch).length > 0 && draft.reason.trim() !== '')
    patch.reason = draft.reason.trim();
  return { patch };
}
