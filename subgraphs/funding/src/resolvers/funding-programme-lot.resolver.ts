import { Auth, AuthRule, type HubContext } from '@ngo-hub/kit';
import { Arg, Ctx, Field, FieldResolver, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { FundingProgramme } from '../entities/funding-programme';
import { FundingProgrammeLot } from '../entities/funding-programme-lot';
import { AddFundingProgrammeLotInput } from '../inputs/funding-programme.input';
import { addFundingProgrammeLot } from '../services/funding-programme-lots';
import { programmeById } from '../services/funding-programmes';
import { programmeFunder } from '../services/auth-subjects';

@ObjectType({ description: 'The result of adding a lot to a programme.' })
export class FundingProgrammeLotPayload {
  @Field(() => FundingProgrammeLot, { description: "The lot as stored, numbered after the programme's last." })
  lot: FundingProgrammeLot;
}

@Resolver(() => FundingProgrammeLot)
export class FundingProgrammeLotResolver {
  @Mutation(() => FundingProgrammeLotPayload, {
    description: "Adds a lot (category) after the programme's last one; CONFLICT when the programme has a lot of that name.",
  })
  @Auth(AuthRule.ORGANIZATION_EDITOR, (_source, args: { input: { programmeId: string } }, ctx: HubContext) => programmeFunder(ctx, args.input.programmeId))
  async addFundingProgrammeLot(
    @Arg('input', () => AddFundingProgrammeLotInput, { description: 'The lot and its programme.' }) input: AddFundingProgrammeLotInput,
    @Ctx() ctx: HubContext,
  ): Promise<FundingProgrammeLotPayload> {
    return { lot: await addFundingProgrammeLot(ctx.em, input) };
  }

  @FieldResolver(() => FundingProgramme, { description: 'The programme the lot belongs to.' })
  async programme(@Root() lot: FundingProgrammeLot, @Ctx() ctx: HubContext): Promise<FundingProgramme> {
    return (await ctx.loaders.load(programmeById, lot.programme.id))!;
  }
}
