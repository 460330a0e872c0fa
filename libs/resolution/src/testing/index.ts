export * from './event-log';
export * from './key-fixtures';
export * from './resolution-harness';
export * from './answered-at-once';
export * from './test-redis';
