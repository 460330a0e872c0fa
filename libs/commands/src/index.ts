export * from './decide-and-append';
export * from './precondition-failed';
