export * from './read-store.contract';
export * from './interruptible-read-store';
export * from './mongo-test-stores';
