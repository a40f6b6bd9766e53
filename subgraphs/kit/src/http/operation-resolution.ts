import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError, Kind, type OperationDefinitionNode } from 'graphql';

/**
 * Refuses a request whose `operationName` names no operation of its document (or that names none
 * when the document holds several) with OPERATION_RESOLUTION_FAILURE, HTTP 400, as Apollo Server
 * itself does for a plain schema. Behind @apollo/gateway the same request otherwise fails inside
 * query planning, as an internal error with HTTP 500.
 */
export function operationResolutionGuard<C extends BaseContext>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, request }) {
          if (operation) return;
          const names = document.definitions
            .filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION)
            .map((definition) => definition.name?.value ?? '(anonymous)');
          const message = request.operationName
            ? `the document has no operation named ${JSON.stringify(request.operationName.slice(0, 100))}; it has ${names.join(', ')}`
            : `the document has several operations (${names.join(', ')}): name the one to run in operationName`;
          throw new GraphQLError(message, { extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } } });
        },
      };
    },
  };
}
