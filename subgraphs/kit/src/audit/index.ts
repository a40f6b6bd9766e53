export * from './audit-entry';
export * from './audit-log';
export * from './audit-plugin';
export * from './audit-trail';
export * from './audit-retention';
