import { describeReadStoreContract } from '../testing/read-store.contract';
import { mongoTestStores } from '../testing/mongo-test-stores';

const openStore = mongoTestStores();

if (!openStore) {
  // Not console.warn: Jest drops the console output of a file whose tests are all skipped.
  process.stderr.write(
    'SKIPPED: the MongoDB read-store contract did not run because MONGO_URL is not set. ' +
      'Start MongoDB or FerretDB and run: MONGO_URL=mongodb://127.0.0.1:27018/ npx jest libs/read-models\n',
  );
}

describeReadStoreContract(
  `MongoDB (${process.env.MONGO_URL ?? 'MONGO_URL not set'})`,
  openStore &&
    (async () => {
      const store = await openStore();
      return { store, dispose: () => store.close() };
    }),
);
