import type { EntityManager } from '@mikro-orm/postgresql';
import { Arg, Ctx, Directive, ID, Int, Mutation, Resolver } from 'type-graphql';
import { Auth } from '../auth/auth.decorator';
import { AuthRule } from '../auth/auth-rule';
import type { SubgraphName } from '../config';
import type { HubContext } from '../context';
import { isUuid } from '../ids';
import { UserInputError } from '../errors';
import type { References } from '../references';

/** What the person chose when they deleted their account. */
export interface ErasureOptions {
  /** Keep their certificates answering `verifyCertificate`, without their name. */
  keepCertificatesVerifiable: boolean;
}

/**
 * Erases or anonymises what one subgraph holds about a person, inside the given transaction, and
 * returns how many rows it touched. Must be idempotent: a second run finds nothing left to erase.
 */
export type PersonEraser = (em: EntityManager, personId: string, options: ErasureOptions) => Promise<number>;

/** The internal mutation each subgraph erases a person with, e.g. `_erasePersonInTraining`. */
export function erasureMutationName(subgraph: SubgraphName): string {
  return `_erasePersonIn${subgraph.charAt(0).toUpperCase()}${subgraph.slice(1)}`;
}

/**
 * The resolver of a subgraph's erasure mutation: hidden from the composed API, callable only by
 * the hub's own services (the people subgraph, which records deletion requests and retries them).
 */
export function erasureResolver(subgraph: SubgraphName, erase: PersonEraser): new () => object {
  @Resolver()
  class ErasureResolver {
    @Mutation(() => Int, {
      name: erasureMutationName(subgraph),
      description: `Internal: erases or anonymises what the ${subgraph} subgraph holds about a person; returns the rows touched (0 once done).`,
    })
    @Directive('@inaccessible')
    @Auth(AuthRule.SERVICE)
    erase(
      @Arg('personId', () => ID) personId: string,
      @Arg('keepCertificatesVerifiable', () => Boolean) keepCertificatesVerifiable: boolean,
      @Ctx() ctx: HubContext,
    ): Promise<number> {
      if (!isUuid(personId)) throw new UserInputError('personId must be the id (a UUID) of a Person', 'personId');
      return ctx.em.transactional((tx) => erase(tx, personId, { keepCertificatesVerifiable }));
    }
  }
  return ErasureResolver;
}

/** Asks `subgraph` to erase the person, signed as this subgraph; throws when it does not confirm. */
export async function requestErasure(references: References, subgraph: SubgraphName, personId: string, options: ErasureOptions): Promise<number> {
  const mutation = erasureMutationName(subgraph);
  const data = await references.request<Record<string, number | null>>(
    subgraph,
    `mutation($personId: ID!, $keep: Boolean!) { ${mutation}(personId: $personId, keepCertificatesVerifiable: $keep) }`,
    { personId, keep: options.keepCertificatesVerifiable },
  );
  const touched = data[mutation];
  if (typeof touched !== 'number') throw new Error(`the ${subgraph} subgraph did not confirm the erasure`);
  return touched;
}
