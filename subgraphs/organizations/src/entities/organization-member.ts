import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique, type Opt, type Rel } from '@mikro-orm/postgresql';
import { DateTimeScalar, newId } from '@ngo-hub/kit/model';
import { Field, ObjectType } from 'type-graphql';
import { OrganizationRole } from '../vocabulary/organization-role';
import { Organization } from './organization';

/** A person who edits or administers an organization's data on the hub (signed in with a JWT). */
@Entity({ tableName: 'organization_member' })
@Unique({ properties: ['organization', 'personId'] })
@Index({ properties: ['personId'] })
@ObjectType({ description: "A person who may write an organization's data on the hub, and with what rights." })
export class OrganizationMember {
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @ManyToOne(() => Organization, { index: false })
  organization: Rel<Organization>;

  /** The `Person` (people subgraph), served as `person`. */
  @Property({ type: 'uuid' })
  personId: string;

  @Enum({ items: () => OrganizationRole })
  @Field(() => OrganizationRole, { description: 'What the member may do.' })
  role: OrganizationRole;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  @Field(() => DateTimeScalar, { description: 'When the person became a member.' })
  createdAt: Opt<Date> = new Date();
}
