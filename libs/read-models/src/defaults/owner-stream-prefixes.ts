import { defaultOwnerStream } from '@keyledger/domain';
import { streamCategory } from '../projection/stream-category';

/** Category prefixes of the owners' streams (`org-`, `user-`), where their defaults are kept. */
export const OWNER_STREAM_PREFIXES: readonly string[] = [
  streamCategory((org_id) => defaultOwnerStream({ kind: 'org', org_id })),
  streamCategory((user_id) => defaultOwnerStream({ kind: 'user', user_id })),
];
