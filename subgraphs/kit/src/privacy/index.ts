export * from './erasure';
export * from './my-data';
