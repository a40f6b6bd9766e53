import { GraphQLError } from 'graphql';
import { Subscription, type PubSub } from 'type-graphql';

type ReturnTypeFunc = Parameters<typeof Subscription>[0] & ((returns?: void) => unknown);

const servedByGateway = (): never => {
  throw new GraphQLError('Subscriptions are served by the gateway over graphql-ws on its /graphql path, not by a subgraph.', {
    extensions: { code: 'BAD_REQUEST' },
  });
};

/**
 * Declares a subscription field in this subgraph's SDL, so it composes into the supergraph and
 * shows in GraphiQL. The gateway runs it: it streams the subgraph's outbox events and resolves
 * each payload through the federated graph. A subgraph asked directly answers with an error.
 */
export function GatewaySubscription(returnType: ReturnTypeFunc, description: string): MethodDecorator {
  return Subscription(returnType, { description, subscribe: servedByGateway });
}

/** type-graphql wants a PubSub once a schema has subscriptions; nothing in a subgraph publishes. */
export const gatewayServedPubSub: PubSub = {
  publish: servedByGateway,
  subscribe: servedByGateway,
};
