import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { MongoReadStore } from '../mongo/mongo-read-store';

/**
 * Opens MongoDB read stores for one test file: the server is `MONGO_URL`'s, the database is the
 * file's own (dropped after all its tests), each store gets a fresh collection prefix unless it
 * names one (to open another store's collections again, as a restart would). Null without
 * `MONGO_URL`, so the caller registers its tests skipped.
 */
export function mongoTestStores(): ((prefix?: string) => Promise<MongoReadStore>) | null {
  const url = process.env.MONGO_URL;
  if (!url) return null;
  const database = `keyledger_test_${randomUUID().slice(0, 8)}`;
  afterAll(async () => {
    const client = await MongoClient.connect(url);
    await client.db(database).dropDatabase();
    await client.close();
  });
  return (prefix = `t${randomUUID().slice(0, 6)}_`) =>
    MongoReadStore.connect(url, { database, prefix });
}
