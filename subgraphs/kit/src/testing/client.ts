// What a test of running processes needs: HTTP requests, signed identities and seed ids, without
// the subgraph server. `@ngo-hub/kit/testing` also loads MikroORM, type-graphql and Apollo Server
// (1.2 s of CPU in plain Node); jest loads a file's modules anew for each file, and the end-to-end
// files, which only talk to a hub, load this instead.
export * from './http';
export * from './identities';
export { IDENTITY_HEADER } from '../auth/gateway-signature';
export { seedId } from '../ids';
