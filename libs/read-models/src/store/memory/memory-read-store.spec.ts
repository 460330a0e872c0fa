import { describeReadStoreContract } from '../testing/read-store.contract';
import { MemoryReadStore } from './memory-read-store';

describeReadStoreContract('memory', async () => {
  const store = new MemoryReadStore();
  return { store, dispose: () => store.close() };
});
