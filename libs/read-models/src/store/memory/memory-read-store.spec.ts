import { describeReadStoreContract } from '../testing/read-store.contract';
import { MemoryReadStore } from './memory-read-store';

describeReadStoreContract('memory', async () => ({ store: new MemoryReadStore(), cleanup: async () => undefined }));
