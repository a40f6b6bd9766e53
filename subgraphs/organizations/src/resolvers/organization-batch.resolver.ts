import { Auth, AuthRule, UserInputError, type HubContext } from '@ngo-hub/kit';
import { GraphQLError } from 'graphql';
import { Arg, Ctx, Directive, Field, ID, Mutation, ObjectType, Resolver } from 'type-graphql';
import { CreateOrganizationInput } from '../inputs/organization.input';
import { createOrganizations } from '../services/organizations';

/** Most organizations one `_createOrganizations` request may create. */
export const MAX_ORGANIZATIONS_A_BATCH = 500;

@ObjectType({ description: 'Internal: what became of one organization of a batch: its id, or why it was refused.' })
export class OrganizationCreation {
  @Field(() => ID, { nullable: true })
  id: string | null;

  @Field(() => String, { nullable: true, description: "The refusal's code (BAD_USER_INPUT, CONFLICT, ...)." })
  errorCode: string | null;

  @Field(() => String, { nullable: true })
  errorMessage: string | null;

  @Field(() => String, { nullable: true, description: 'The input field the refusal is about.' })
  errorField: string | null;
}

/**
 * Creation of many organizations in one request, for the hub's own importers (a 360Giving file
 * names thousands), in one transaction: one refused (its input, org-id or credit code) says why
 * and leaves the others created. Hidden from the composed API.
 */
@Resolver()
export class OrganizationBatchResolver {
  @Mutation(() => [OrganizationCreation], {
    description: `Internal: creates up to ${MAX_ORGANIZATIONS_A_BATCH} organizations, refusing each on its own; the answers follow the inputs' order.`,
  })
  @Directive('@inaccessible')
  @Auth(AuthRule.SERVICE)
  async _createOrganizations(
    @Arg('inputs', () => [CreateOrganizationInput]) inputs: CreateOrganizationInput[],
    @Ctx() ctx: HubContext,
  ): Promise<OrganizationCreation[]> {
    if (inputs.length > MAX_ORGANIZATIONS_A_BATCH) {
      throw new UserInputError(`at most ${MAX_ORGANIZATIONS_A_BATCH} organizations a request (got ${inputs.length})`, 'inputs');
    }
    return (await createOrganizations(ctx.em, inputs)).map((result) => {
      if (!(result instanceof GraphQLError)) return { id: result.id, errorCode: null, errorMessage: null, errorField: null };
      const field = result.extensions.field;
      return { id: null, errorCode: String(result.extensions.code), errorMessage: result.message, errorField: typeof field === 'string' ? field : null };
    });
  }
}
