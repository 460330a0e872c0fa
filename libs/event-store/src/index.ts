export * from './event-store.port';
export * from './expected-revision';
export * from './event-store-error';
export * from './subscription-health';
export { matchesFilter } from './event-filter';
export { SqliteEventStore, type SqliteEventStoreOptions } from './sqlite/sqlite-event-store';
export { EsdbEventStore, type EsdbEventStoreOptions } from './esdb/esdb-event-store';
export type { Backoff } from './esdb/esdb-resubscribing-subscription';
export { ObservedEventStore, type AppendObserver } from './observed-event-store';
