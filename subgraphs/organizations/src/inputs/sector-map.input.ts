import { CauseArea } from '@ngo-hub/kit';
import { Field, ID, InputType } from 'type-graphql';
import { OrganizationKind } from '../entities/organization';

@InputType({ description: 'Which part of the sector the map covers; all given conditions must hold.' })
export class SectorMapFilter {
  @Field(() => String, { nullable: true, description: 'Organizations in this city (case-insensitive), e.g. Chengdu.' })
  city?: string;

  @Field(() => String, { nullable: true, description: 'Organizations in this province (case-insensitive), e.g. Sichuan.' })
  province?: string;

  @Field(() => [OrganizationKind], { nullable: true, description: 'Organizations of any of these kinds.' })
  kinds?: OrganizationKind[];

  @Field(() => [CauseArea], { nullable: true, description: 'Organizations working on any of these causes.' })
  causeAreas?: CauseArea[];

  @Field(() => ID, {
    nullable: true,
    description: 'Organizations incubated (in any status) in a cohort of a programme this incubator runs; the incubator itself is not counted.',
  })
  incubatorId?: string;

  @Field(() => Boolean, {
    nullable: true,
    description: 'false: only organizations from a source (leaves out the illustrative ones the seed invented, and their ties); true: only illustrative ones.',
  })
  illustrative?: boolean | null;
}
