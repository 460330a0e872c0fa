import { setsKeyRules } from '@keyledger/domain';
import type { AuditEntryDocument } from '@keyledger/read-models';
import { TableRow } from '../table/render-table';
import { GovernedKey, ReportedKey } from './governed-key';
import { KeyGrouping, keysByStatePerOrg, KeyStateTally, keysPerOwner } from './key-state-counts';
import { keysNearLimit } from './keys-near-limit';
import { keysNeverExpiring } from './keys-never-expiring';
import { keysWithoutLimit } from './keys-without-limit';
import { recentRevocations } from './recent-revocations';
import { keysUnusedFor } from './unused-keys';
import { keysViolatingPolicy, OrgPolicyLookup } from './policy-violations';

/** What a report reads: the keys it covers, their revocations, and the time it is made at. */
export interface ReportSources {
  readonly now: Date;
  /**
   * The covered keys' reported facts with their usage, oldest first, in batches, as a fresh
   * stream on each call; `only` narrows them in the read store's query, which reads them from
   * index entries (the reports still check what they need, so the narrowing only saves reads).
   */
  keys(only?: KeyNarrowing): AsyncIterable<readonly ReportedKey[]>;
  /** The orgs of the covered unrevoked org keys, in id order (counted by the store, not read out). */
  keyOrgs(): Promise<readonly string[]>;
  /** One org's covered unrevoked keys read whole, oldest first, with what key policies look at. */
  orgKeys(orgId: string): AsyncIterable<GovernedKey>;
  /** The covered keys counted by state per group at `now`, by the read store (not read out). */
  keyStates(by: KeyGrouping): Promise<readonly KeyStateTally[]>;
  /** The audit log's `KeyRevoked` entries of the covered keys, in global order. */
  revocations(): AsyncIterable<AuditEntryDocument>;
  /** An org's current key policy. */
  readonly policyOf: OrgPolicyLookup;
}

/** Conditions a report's key query can leave to the read store: unrevoked, unlimited or limited, never expiring. */
export interface KeyNarrowing {
  readonly revoked?: false;
  readonly limit?: null;
  readonly limited?: true;
  readonly expires_at?: null;
}

/** Only keys that can still be used: what every per-key risk report looks at. */
const UNREVOKED = { revoked: false } as const;

/** A report's parameters; each report reads the ones it names and defaults the rest. */
export interface ReportOptions {
  /** unused-keys: idle for at least this many days; recent-revocations: look back this many. */
  readonly days?: number;
  /** keys-near-limit: share of the limit used, in percent. */
  readonly threshold?: number;
}

/** One governance report: what it is called, what it shows, and how it is made. */
export interface Report {
  /** What the report shows, with its parameters (`Live keys unused for 30 days or more`). */
  title(options: ReportOptions): string;
  /** Its table's columns, in order (the table's header even when there are no rows). */
  readonly columns: readonly string[];
  run(sources: ReportSources, options: ReportOptions): Promise<TableRow[]>;
}

export const DEFAULT_UNUSED_DAYS = 30;
export const DEFAULT_REVOCATION_DAYS = 30;
export const DEFAULT_THRESHOLD_PERCENT = 80;
const DAY_MS = 86_400_000;

const STATE_COLUMNS = ['active', 'disabled', 'expired', 'revoked', 'total'];
const KEY_COLUMNS = ['key_id', 'name', 'org_id', 'owner_user_id', 'state'];

/** Drains a report's rows into plain objects a table or JSON answer can hold. */
async function rows(selection: AsyncIterable<object>): Promise<TableRow[]> {
  const all: TableRow[] = [];
  for await (const row of selection) all.push({ ...row });
  return all;
}

/** A per-key report's rows over every batch of keys: one await per batch, not per key. */
async function keyRows(
  batches: AsyncIterable<readonly ReportedKey[]>,
  report: (keys: readonly ReportedKey[]) => Iterable<object>,
): Promise<TableRow[]> {
  const all: TableRow[] = [];
  for await (const batch of batches) for (const row of report(batch)) all.push({ ...row });
  return all;
}

const tallied = (counts: readonly object[]): TableRow[] => counts.map((row) => ({ ...row }));

/** Every report, by the name the API route and the CLI use. */
export const REPORTS = {
  'keys-by-state': {
    title: () => 'Keys by state, per org (personal keys last, with no org)',
    columns: ['org_id', ...STATE_COLUMNS],
    run: async ({ keyStates }) => tallied(keysByStatePerOrg(await keyStates('org_id'))),
  },
  'keys-per-owner': {
    title: () => 'Keys by state, per owner (most keys first)',
    columns: ['owner_user_id', ...STATE_COLUMNS],
    run: async ({ keyStates }) => tallied(keysPerOwner(await keyStates('owner_user_id'))),
  },
  'keys-without-limit': {
    title: () => 'Live keys without a spending limit',
    columns: KEY_COLUMNS,
    run: ({ keys, now }) =>
      keyRows(keys({ ...UNREVOKED, limit: null }), (batch) => keysWithoutLimit(batch, now)),
  },
  'keys-never-expiring': {
    title: () => 'Live keys that never expire',
    columns: KEY_COLUMNS,
    run: ({ keys, now }) =>
      keyRows(keys({ ...UNREVOKED, expires_at: null }), (batch) => keysNeverExpiring(batch, now)),
  },
  'unused-keys': {
    title: ({ days = DEFAULT_UNUSED_DAYS }) => `Live keys unused for ${days} days or more`,
    columns: [...KEY_COLUMNS, 'last_used_at', 'idle_days'],
    run: ({ keys, now }, { days = DEFAULT_UNUSED_DAYS }) =>
      keyRows(keys(UNREVOKED), (batch) => keysUnusedFor(batch, days, now)),
  },
  'keys-near-limit': {
    title: ({ threshold = DEFAULT_THRESHOLD_PERCENT }) =>
      `Live keys at ${threshold}% or more of their limit in the current window`,
    columns: [...KEY_COLUMNS, 'limit', 'limit_reset', 'window_usage', 'used_percent', 'exhausted'],
    run: ({ keys, now }, { threshold = DEFAULT_THRESHOLD_PERCENT }) =>
      keyRows(keys({ ...UNREVOKED, limited: true }), (batch) =>
        keysNearLimit(batch, threshold, now),
      ),
  },
  'policy-violations': {
    title: () => "Live org keys that break their org's current key policy, one row per rule",
    columns: [...KEY_COLUMNS, 'rule', 'reason'],
    run: async ({ keyOrgs, orgKeys, policyOf, now }) => {
      const found: TableRow[] = [];
      for (const org of await keyOrgs()) {
        const policy = await policyOf(org);
        // An org without rules has no violations: its keys are not read.
        if (setsKeyRules(policy))
          found.push(...(await rows(keysViolatingPolicy(orgKeys(org), async () => policy, now))));
      }
      return found;
    },
  },
  'recent-revocations': {
    title: ({ days = DEFAULT_REVOCATION_DAYS }) =>
      `Keys revoked in the last ${days} days, with who revoked them and why`,
    columns: ['key_id', 'revoked_at', 'actor_kind', 'actor_id', 'org_id', 'reason'],
    run: ({ revocations, now }, { days = DEFAULT_REVOCATION_DAYS }) =>
      rows(recentRevocations(revocations(), new Date(now.getTime() - days * DAY_MS))),
  },
} as const satisfies Record<string, Report>;

/** The name of a report. */
export type ReportName = keyof typeof REPORTS;

/** Every report name, in the order help texts list them. */
export const REPORT_NAMES = Object.keys(REPORTS) as ReportName[];
