export * from './event-store.contract';
export * from './fixtures';
export * from './temporary-database-file';
export * from './eventually';
