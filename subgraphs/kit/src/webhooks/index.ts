export * from './webhook-destination';
export * from './webhook-channel';
