import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Opt, type Rel } from '@mikro-orm/postgresql';
import { DateTimeScalar, newId } from '@ngo-hub/kit/model';
import { Field, ID, ObjectType } from 'type-graphql';
import { OrganizationRole } from '../vocabulary/organization-role';
import { Organization } from './organization';

/**
 * A credential a partner organization's programs authenticate with. Only the SHA-256 of the key
 * is stored; the key itself is shown once, when it is created.
 */
@Entity({ tableName: 'api_key' })
@Index({ properties: ['organization', 'createdAt'] })
@ObjectType({ description: 'An API key of an organization; the key itself is shown only once, by createApiKey.' })
export class ApiKey {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID, { description: 'Stable identifier of the key (a UUID); revokeApiKey takes it.' })
  id: string = newId();

  @ManyToOne(() => Organization, { index: false })
  organization: Rel<Organization>;

  @Property({ type: 'text' })
  @Field({ description: 'What the key is for, e.g. "grants dashboard".' })
  name: string;

  @Property({ type: 'text' })
  @Field({ description: 'The first characters of the key, to tell keys apart, e.g. ngo_3f9a1c2d.' })
  prefix: string;

  /** SHA-256 of the key, hex: what the gateway looks a presented key up by. */
  @Property({ type: 'text', unique: true })
  hash: string;

  @Enum({ items: () => OrganizationRole })
  @Field(() => OrganizationRole, { description: 'What the key may do for the organization.' })
  role: OrganizationRole;

  /** Who created it: `person:<id>`, `api-key:<id>` or `hub-admin`. */
  @Property({ type: 'text' })
  createdBy: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  @Field(() => DateTimeScalar, { description: 'When the key was created.' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'datetime', nullable: true })
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the key was revoked; null while it works.' })
  revokedAt?: Date;
}
