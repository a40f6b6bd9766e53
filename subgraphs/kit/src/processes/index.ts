// Process helpers without the ORM, for launchers and test set-ups.
export * from './free-port';
export * from './subgraph-process';
