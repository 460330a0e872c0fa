export * from './event-store.port';
export * from './expected-revision';
export * from './event-filter';
export * from './hash-chain';
export * from './sqlite/sqlite-event-store';
export * from './esdb/esdb-event-store';
