export * from './live-updates';
export * from './live-updates-config';
export * from './subscription-server';
