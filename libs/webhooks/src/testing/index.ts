export * from './webhook-receiver';
export * from './manual-clock';
export * from './eventually';
