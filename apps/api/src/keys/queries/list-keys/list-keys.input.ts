import { KeyOwnership } from '@keyledger/domain';

/** Which keys a listing asks for, and the page (SPEC §2): plain data, whatever the surface. */
export interface ListKeysInput {
  /** The `next_cursor` of the previous page. */
  readonly cursor?: string;
  readonly limit?: number;
  readonly include_disabled?: boolean;
  readonly include_revoked?: boolean;
  readonly scope?: KeyOwnership;
  readonly org_id?: string;
  readonly external_id?: string;
  /** The owner's user id. */
  readonly owner?: string;
  /** A case-insensitive substring of the name. */
  readonly name?: string;
}
