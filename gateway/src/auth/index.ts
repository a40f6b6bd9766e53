export * from './identify';
export * from './identity-signature';
export * from './unauthenticated';
export * from './auth-config';
export * from './credential';
