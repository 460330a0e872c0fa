import { keyStream } from '@keyledger/domain';
import { Exchange } from './http';
import { StoredEvent, storedEvents } from './stored-events';

/** A key as the API shows it. */
export interface KeyBody {
  readonly id: string;
  readonly hash: string;
  readonly label: string;
  readonly name: string;
  readonly disabled: boolean;
  readonly revoked: boolean;
  readonly limit: number | null;
  readonly expires_at: string | null;
  readonly [field: string]: unknown;
}

/** The `{ data, secret? }` answer of the key routes (a type, so `expectError` takes it). */
export type KeyAnswer = {
  readonly data: KeyBody;
  readonly secret?: string | null;
};

/** The events of one key's stream, as stored on disk. */
export const keyEventsOnDisk = (dataDir: string, keyId: string): StoredEvent[] =>
  storedEvents(dataDir).filter((event) => event.stream === keyStream(keyId));

/** The revision an answer's `ETag` names. */
export const etagOf = (exchange: Exchange<unknown>): string | null => exchange.headers.get('etag');
