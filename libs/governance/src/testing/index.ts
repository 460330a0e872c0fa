export * from './async-iterables';
export * from './audit-entries';
export * from './governed-keys';
