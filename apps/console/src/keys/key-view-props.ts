import { Key } from '@keyledger/client';

/** What a key page panel that writes gets: the key, and the ETag its writes send as If-Match. */
export interface KeyViewProps {
  readonly keyView: Key;
  readonly etag: string | null;
}
