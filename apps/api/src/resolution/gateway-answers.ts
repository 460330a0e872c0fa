import { Resolved, UsageCounted } from '@keyledger/resolution';

/** What the gateway gets for an admitted request. */
export type ResolveAnswer = { readonly data: Omit<Resolved, 'ok'> };

/** What the gateway gets for a counted report. */
export type RecordUsageAnswer = { readonly data: Omit<UsageCounted, 'ok'> };
