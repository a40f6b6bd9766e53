export * from './identify';
export * from './unauthenticated';
export * from './auth-config';
export * from './credential';
