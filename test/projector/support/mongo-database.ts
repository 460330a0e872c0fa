import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { MongoReadStore } from '@keyledger/read-models';

/** A database of its own on `MONGO_URL`'s server, for one test: child processes and the test share it. */
export interface MongoTestDatabase {
  /** `MONGO_URL` naming this database: what a child process is configured with. */
  readonly url: string;
  /** Opens the read store a child process configured with `url` uses, or one beside it under `prefix`. */
  open(prefix?: string): Promise<MongoReadStore>;
  drop(): Promise<void>;
}

/** A fresh database on `MONGO_URL`'s server; null without `MONGO_URL`. */
export function mongoTestDatabase(): MongoTestDatabase | null {
  const server = process.env.MONGO_URL;
  if (!server) return null;
  const url = new URL(server);
  url.pathname = `/keyledger_projector_${randomUUID().slice(0, 8)}`;
  return {
    url: url.toString(),
    open: (prefix) => MongoReadStore.connect(url.toString(), { prefix }),
    async drop() {
      const client = await MongoClient.connect(url.toString());
      await client.db().dropDatabase();
      await client.close();
    },
  };
}
