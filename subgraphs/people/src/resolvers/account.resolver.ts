import { signedInPerson, type HubContext } from '@ngo-hub/kit';
import { Arg, Ctx, Field, ID, Mutation, ObjectType, Resolver } from 'type-graphql';
import { deleteAccount } from '../services/account-deletion';

@ObjectType({ description: 'Where the deletion of an account stands.' })
export class AccountDeletionPayload {
  @Field(() => ID, { description: "The deleted person's id." })
  personId: string;

  @Field({
    description: 'True once every subgraph confirmed the erasure. When false, the hub keeps asking the pending ones; calling deleteMyAccount again is safe.',
  })
  complete: boolean;

  @Field(() => [String], { description: 'The subgraphs that have not confirmed yet.' })
  pending: string[];
}

@Resolver()
export class AccountResolver {
  @Mutation(() => AccountDeletionPayload, {
    description:
      "Deletes the signed-in person's account: their personal data is erased or anonymised in every subgraph. Their applications and enrollments stay with the organizations without name or contact. Safe to call again.",
  })
  deleteMyAccount(
    @Arg('keepCertificatesVerifiable', () => Boolean, {
      description: 'True: certificates still answer verifyCertificate, without the name. False: they are deleted and no longer verify.',
    })
    keepCertificatesVerifiable: boolean,
    @Ctx() ctx: HubContext,
  ): Promise<AccountDeletionPayload> {
    const personId = signedInPerson(ctx, 'deleteMyAccount');
    // the audit log keeps the request (ids only), as it keeps every change of personal data
    ctx.audit.record([personId], 'WRITE', 'ALLOWED', 'Mutation.deleteMyAccount');
    return deleteAccount(ctx.em, ctx.references, ctx.log, personId, { keepCertificatesVerifiable });
  }
}
