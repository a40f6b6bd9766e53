export * from './auth-rule';
export * from './auth.decorator';
export * from './authorize';
export * from './gateway-signature';
export * from './identity';
export * from './api-key';
