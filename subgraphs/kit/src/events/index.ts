export * from './gateway-subscription';
export * from './hub-event';
export * from './outbox-event';
export * from './publish';
export * from './topics';
