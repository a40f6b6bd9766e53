export * from './gateway-subscription';
export * from './hub-event';
export * from './hub-topics';
export * from './outbox-event';
export * from './publish';
export * from './topic-contract';
export * from './topics';
