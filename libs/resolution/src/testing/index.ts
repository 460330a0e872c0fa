export * from './event-log';
export * from './key-fixtures';
export * from './resolution-harness';
