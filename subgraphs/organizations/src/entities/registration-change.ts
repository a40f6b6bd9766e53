import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Opt, type Rel } from '@mikro-orm/postgresql';
import { DateTimeScalar, newId } from '@ngo-hub/kit/model';
import { Field, ID, ObjectType } from 'type-graphql';
import { Organization } from './organization';
import { LegalForm, RegistrationPath, RegistrationStatus } from './registration';

/**
 * One step of an organization's registration history: the registration as it was set, written in
 * the same transaction as the change to `Organization.registration`, never updated afterwards.
 */
@Entity({ tableName: 'registration_change' })
@Index({ properties: ['organization', 'recordedAt', 'id'] })
@ObjectType({ description: "A change of an organization's registration, kept as history (e.g. unregistered → filed on record → registered)." })
export class RegistrationChange {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID, { description: 'Stable identifier of the change (a UUID).' })
  id: string = newId();

  @ManyToOne(() => Organization, { index: false })
  organization: Rel<Organization>;

  @Enum({ items: () => RegistrationStatus, nullable: true })
  @Field(() => RegistrationStatus, { nullable: true, description: 'The status before this change; null for the first record.' })
  previousStatus?: RegistrationStatus;

  @Enum({ items: () => RegistrationStatus })
  @Field(() => RegistrationStatus, { description: 'The status set by this change.' })
  status: RegistrationStatus;

  @Enum({ items: () => LegalForm, nullable: true })
  @Field(() => LegalForm, { nullable: true, description: 'The legal form set by this change.' })
  legalForm?: LegalForm;

  @Enum({ items: () => RegistrationPath, nullable: true })
  @Field(() => RegistrationPath, { nullable: true, description: 'The registration path set by this change.' })
  path?: RegistrationPath;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Registering or filing authority set by this change.' })
  authority?: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: "The authority's name in Chinese." })
  authorityZh?: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Supervising unit (业务主管单位) set by this change.' })
  supervisingUnit?: string;

  @Property({ type: 'date', nullable: true })
  @Field(() => Date, { nullable: true, description: 'Date of registration or filing set by this change.' })
  registeredOn?: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Unified Social Credit Code set by this change.' })
  creditCode?: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Why the registration changed; always given for a step back in status (e.g. deregistration).' })
  reason?: string;

  /** Millisecond precision, as JS keeps it, so that a page cursor holds the exact value. */
  @Property({ type: 'datetime', length: 3 })
  @Field(() => DateTimeScalar, { description: 'When the hub recorded the change.' })
  recordedAt: Opt<Date> = new Date();
}
