import { GraphQLError } from 'graphql';

/** A credential was sent but is not valid: the caller learns why, and is never treated as anonymous. */
export class UnauthenticatedError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
  }
}
