export * from './config';
export * from './context';
export * from './gateway';
export * from './paths';
export * from './hub/hub';
export * from './compose/compose-supergraph';
