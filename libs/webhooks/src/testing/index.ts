export * from './webhook-receiver';
export * from './manual-clock';
export { eventually } from '@keyledger/event-store/testing';
