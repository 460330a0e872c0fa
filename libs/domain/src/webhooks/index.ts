export * from './webhook-event-types';
export * from './webhook-url';
export * from './webhook-signing-secret';
export * from './webhook.events';
export * from './webhook.commands';
export * from './webhook.state';
export * from './webhook.decider';
export * from './webhook-coverage';
