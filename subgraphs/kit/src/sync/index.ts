export * from './changes';
export * from './list-order';
export * from './removal';
export * from './removals';
export * from './sync-horizon';
export * from './timestamps';
