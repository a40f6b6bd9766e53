import { signedInPerson, type HubContext } from '@ngo-hub/kit';
import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { JobApplication } from '../entities/job-application';
import { MyData } from '../entities/my-data';
import { Person } from '../entities/person';
import { personById } from '../services/people';

/** `Query.myData`, and people's part of it: the profile (with contact details, education, qualifications, affiliations) and job applications. */
@Resolver(() => MyData)
export class MyDataResolver {
  @Query(() => MyData, {
    description: 'Everything the hub holds about the signed-in person, from every subgraph (a data export). UNAUTHENTICATED for anonymous callers.',
  })
  myData(@Ctx() ctx: HubContext): MyData {
    return { id: signedInPerson(ctx, 'myData') };
  }

  @FieldResolver(() => Person, {
    nullable: true,
    description: 'The profile, contact details, education, qualifications and affiliations; null once the account is deleted.',
  })
  async person(@Root() data: MyData, @Ctx() ctx: HubContext): Promise<Person | null> {
    const person = await ctx.loaders.load(personById, data.id);
    return person?.erasedAt ? null : person;
  }

  @FieldResolver(() => [JobApplication], { description: 'Every job application the person sent, oldest first.' })
  applications(@Root() data: MyData, @Ctx() ctx: HubContext): Promise<JobApplication[]> {
    return ctx.em.find(JobApplication, { person: data.id }, { orderBy: { submittedAt: 'asc', id: 'asc' } });
  }
}
