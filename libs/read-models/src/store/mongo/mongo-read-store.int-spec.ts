import { randomUUID } from 'node:crypto';
import { describeReadStoreContract } from '../testing/read-store.contract';
import { MongoReadStore } from './mongo-read-store';

const url = process.env.MONGO_URL;

if (url) {
  describeReadStoreContract(`MongoDB at ${url}`, async () => {
    const database = `keyledger_test_${randomUUID().slice(0, 8)}`;
    return {
      store: await MongoReadStore.connect(url, { database }),
      cleanup: async () => {
        const dropper = await MongoReadStore.connect(url, { database });
        await dropper.dropDatabase();
        await dropper.close();
      },
    };
  });
} else {
  console.warn(
    '[mongo read-store contract] SKIPPED: MONGO_URL is not set (no MongoDB or FerretDB server on this machine). ' +
      'Run: docker compose up -d mongo && MONGO_URL=mongodb://localhost:27017/ npx jest libs/read-models',
  );
  describe.skip('ReadStore contract: MongoDB (MONGO_URL not set)', () => {
    it('runs the shared contract against a live server', () => undefined);
  });
}
