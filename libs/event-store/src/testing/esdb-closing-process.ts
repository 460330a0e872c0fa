/**
 * A process that uses an EventStoreDB store (append, reads, a subscription waiting for its next
 * event) and closes it, then does nothing more: it exits by itself only if `close()` released
 * every call, timer and channel. Run with `node --import tsx`, the connection string as argument.
 */
import { EsdbEventStore } from '../esdb/esdb-event-store';
import { testMetadata } from './fixtures';

async function main(connectionString: string): Promise<void> {
  const store = new EsdbEventStore({ connectionString });
  await store.append('key-1', [{ type: 'Happened', data: {} }], {
    expectedRevision: 'any',
    metadata: testMetadata(),
  });
  await store.readAll({ maxCount: 1 });
  await store.readStream('key-1');
  const subscription = store.subscribe();
  const iterator = subscription[Symbol.asyncIterator]();
  await iterator.next();
  const waiting = iterator.next();
  await store.headPosition();
  await store.close();
  await waiting;
  process.stdout.write('closed\n');
}

void main(process.argv[2]);
