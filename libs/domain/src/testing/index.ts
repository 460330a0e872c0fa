export * from './given-when-then';
export * from './failed-fields';
export * from './key-events';
