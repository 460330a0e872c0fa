import { PreferenceScope } from '@keyledger/domain';

/** Which preferences a listing asks for, and the page: plain data, whatever the surface. */
export interface ListRoutingPreferencesInput {
  /** The `next_cursor` of the previous page. */
  readonly cursor?: string;
  readonly limit?: number;
  readonly scope?: PreferenceScope;
  /** Only defaults (true) or only non-defaults (false). */
  readonly is_default?: boolean;
  /** Only enabled (true) or only disabled (false). */
  readonly enabled?: boolean;
}
