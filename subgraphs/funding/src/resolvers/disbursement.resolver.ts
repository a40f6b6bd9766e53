import { Auth, AuthRule, type HubContext, money, Money } from '@ngo-hub/kit';
import { Arg, Ctx, Field, FieldResolver, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { Disbursement } from '../entities/disbursement';
import { Grant } from '../entities/grant';
import { RecordDisbursementInput } from '../inputs/disbursement.input';
import { recordDisbursement } from '../services/disbursements';
import { grantById } from '../services/grants';
import { grantFunder } from '../services/auth-subjects';

@ObjectType({ description: 'The result of recording a disbursement.' })
export class DisbursementPayload {
  @Field(() => Disbursement, { description: 'The disbursement as stored.' })
  disbursement: Disbursement;

  @Field(() => Grant, { description: 'The grant paid, with its new amounts (and ACTIVE after its first disbursement).' })
  grant: Grant;
}

@Resolver(() => Disbursement)
export class DisbursementResolver {
  @Mutation(() => DisbursementPayload, {
    description:
      "Records a payment against an AWARDED or ACTIVE grant, in the grant's currency. CONFLICT, with the amount remaining, when it would take the grant's disbursements over the amount awarded. The first payment makes an AWARDED grant ACTIVE.",
  })
  @Auth(AuthRule.ORGANIZATION_EDITOR, (_source, args: { input: { grantId: string } }, ctx: HubContext) => grantFunder(ctx, args.input.grantId))
  recordDisbursement(
    @Arg('input', () => RecordDisbursementInput, { description: 'The payment to record.' }) input: RecordDisbursementInput,
    @Ctx() ctx: HubContext,
  ): Promise<DisbursementPayload> {
    return recordDisbursement(ctx.em, input);
  }

  @FieldResolver(() => Money, { description: "Amount paid, exact, in the grant's currency." })
  amount(@Root() disbursement: Disbursement): Money {
    return money(disbursement.amount, disbursement.currency);
  }

  @FieldResolver(() => Grant, { description: 'The grant the payment was made against.' })
  async grant(@Root() disbursement: Disbursement, @Ctx() ctx: HubContext): Promise<Grant> {
    return (await ctx.loaders.load(grantById, disbursement.grant.id))!;
  }
}
