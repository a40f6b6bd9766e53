import { Embedded, Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Opt, type Rel } from '@mikro-orm/postgresql';
import { Provenance, PROVENANCE_FIELD_DESCRIPTION, newId, CreatedAt, UpdatedAt } from '@ngo-hub/kit/model';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Person } from './person';

export enum AffiliationRole {
  FOUNDER = 'FOUNDER',
  STAFF = 'STAFF',
  DIRECTOR = 'DIRECTOR',
  BOARD_MEMBER = 'BOARD_MEMBER',
  ADVISOR = 'ADVISOR',
  VOLUNTEER = 'VOLUNTEER',
  STUDENT = 'STUDENT',
  FACULTY = 'FACULTY',
}
registerEnumType(AffiliationRole, {
  name: 'AffiliationRole',
  description: 'The part a person plays in an organization.',
  valuesConfig: {
    FOUNDER: { description: 'Founded the organization.' },
    STAFF: { description: 'Employed by the organization.' },
    DIRECTOR: { description: 'Leads the organization or one of its units (executive director, park director, ...).' },
    BOARD_MEMBER: { description: 'Member of the board (理事会) or of the supervisory board.' },
    ADVISOR: { description: 'Advises the organization, e.g. on an advisory or expert committee.' },
    VOLUNTEER: { description: 'Volunteers for the organization.' },
    STUDENT: { description: 'Studies at the organization (a university or school).' },
    FACULTY: { description: 'Teaches or researches at the organization (a university or school).' },
  },
});

export enum AffiliationStatus {
  AWAITING_PERSON = 'AWAITING_PERSON',
  AWAITING_ORGANIZATION = 'AWAITING_ORGANIZATION',
  CONFIRMED = 'CONFIRMED',
}
registerEnumType(AffiliationStatus, {
  name: 'AffiliationStatus',
  description: 'Whether both sides agreed to an affiliation: until they have, it is pending and shown only to them.',
  valuesConfig: {
    AWAITING_PERSON: { description: 'Proposed for the organization; waits for the person to confirm it.' },
    AWAITING_ORGANIZATION: { description: 'Proposed by the person; waits for an editor or admin of the organization (or a hub admin) to confirm it.' },
    CONFIRMED: { description: "Both sides agreed: public, on the person and in the organization's people." },
  },
});

/**
 * A person's tie to an organization. The organization lives in the organizations subgraph: only
 * its id is kept here. It takes effect (is public) once both sides agreed: the person, and an
 * editor or admin of the organization or a hub admin.
 */
@Entity({ tableName: 'affiliation' })
@Index({ properties: ['organizationId', 'startedOn', 'id'] })
@Index({ properties: ['person', 'startedOn', 'id'] })
@Check({ name: 'affiliation_ended_after_started', expression: 'ended_on >= started_on' })
@ObjectType({ description: "A person's role in an organization, with the dates it held." })
export class Affiliation {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID, { description: 'Stable identifier (a UUID).' })
  id: string = newId();

  @ManyToOne(() => Person, { deleteRule: 'cascade', index: false })
  person: Rel<Person>;

  @Property({ type: 'uuid' })
  organizationId: string;

  @Enum({ items: () => AffiliationRole })
  @Field(() => AffiliationRole, { description: 'The part the person plays in the organization.' })
  role: AffiliationRole;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Title held, e.g. "Executive director", "Advisory committee member".' })
  title?: string;

  @Property({ type: 'date', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When the role began, if known.' })
  startedOn?: string;

  @Property({ type: 'date', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When the role ended (or is planned to end); null while it continues.' })
  endedOn?: string;

  /** When the person agreed to be named with the organization; null while that waits for them. */
  @Property({ type: 'datetime', nullable: true })
  personConfirmedAt?: Date | null;

  /** When an editor or admin of the organization (or a hub admin) agreed; null while that waits for them. */
  @Property({ type: 'datetime', nullable: true })
  organizationConfirmedAt?: Date | null;

  @CreatedAt()
  createdAt!: Opt<Date>;

  @UpdatedAt()
  updatedAt!: Opt<Date>;

  @Embedded(() => Provenance, { prefix: 'provenance_' })
  @Field(() => Provenance, { description: PROVENANCE_FIELD_DESCRIPTION })
  provenance: Opt<Provenance> = new Provenance();
}
