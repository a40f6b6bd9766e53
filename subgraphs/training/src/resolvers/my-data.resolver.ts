import type { HubContext } from '@ngo-hub/kit';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Certificate } from '../entities/certificate';
import { Enrollment } from '../entities/enrollment';
import { Mentorship } from '../entities/mentorship';
import { MyData } from '../entities/my-data';

/** Training's part of a person's data export; `MyData` reaches a subgraph only for the person themself. */
// nullable like every field added to another subgraph's entity: a down subgraph yields partial data
@Resolver(() => MyData)
export class MyDataResolver {
  @FieldResolver(() => [Enrollment], {
    nullable: true,
    description: 'Every enrollment, in the order applied; each with its status, progress through lessons and certificate.',
  })
  enrollments(@Root() data: MyData, @Ctx() ctx: HubContext): Promise<Enrollment[]> {
    return ctx.em.find(Enrollment, { personId: data.id }, { orderBy: { appliedAt: 'asc', id: 'asc' } });
  }

  @FieldResolver(() => [Certificate], { nullable: true, description: 'Every certificate held, in the order issued.' })
  certificates(@Root() data: MyData, @Ctx() ctx: HubContext): Promise<Certificate[]> {
    return ctx.em.find(Certificate, { personId: data.id }, { orderBy: { issuedAt: 'asc', id: 'asc' } });
  }

  @FieldResolver(() => [Mentorship], { nullable: true, description: 'Every mentorship or supervision, as mentor or as mentee, in the order recorded.' })
  mentorships(@Root() data: MyData, @Ctx() ctx: HubContext): Promise<Mentorship[]> {
    return ctx.em.find(Mentorship, { $or: [{ mentorId: data.id }, { menteeId: data.id }] }, { orderBy: { createdAt: 'asc', id: 'asc' } });
  }
}
