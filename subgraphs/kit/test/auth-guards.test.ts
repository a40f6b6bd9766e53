import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { execute, parse, type ExecutionResult } from 'graphql';
import { Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { AuditEntry } from '../src/audit/audit-entry';
import { AuthRule } from '../src/auth/auth-rule';
import { Auth } from '../src/auth/auth.decorator';
import { ANONYMOUS, callerIdentity, type Identity } from '../src/auth/identity';
import { subgraphUrls } from '../src/config';
import { createContext, type HubContext } from '../src/context';
import { buildFederatedSchema } from '../src/federation';
import { newId } from '../src/ids';
import { createLogger } from '../src/logger';
import { References } from '../src/references';
import type { TestDatabase } from '../src/testing/database';
import { entitySchema } from './support/entity-schema';

const PUBLIC_ID = newId();
const PARTNERS_ID = newId();

@ObjectType()
class Profile {
  @Field(() => ID)
  id!: string;

  /** A property guarded where it is declared (as entities do), with a subject read from the row. */
  @Field({ nullable: true })
  @Auth(AuthRule.PROFILE, (profile: Profile) => ({ personId: profile.id, visibility: profile.visibility }))
  bio!: string;

  visibility!: 'PUBLIC' | 'PARTNERS';
}

const PROFILES: Profile[] = [
  Object.assign(new Profile(), { id: PUBLIC_ID, bio: 'public bio', visibility: 'PUBLIC' }),
  Object.assign(new Profile(), { id: PARTNERS_ID, bio: 'partners bio', visibility: 'PARTNERS' }),
];

@Resolver(() => Profile)
class ProfileResolver {
  @Query(() => [Profile])
  profiles(): Profile[] {
    return PROFILES;
  }

  /** A field resolver whose subject comes from a promise, as subjects loaded through loaders do. */
  @FieldResolver(() => String, { nullable: true })
  @Auth(AuthRule.SELF_OR_ORGANIZATION_EDITOR, async (profile: Profile) => ({ personId: profile.id }))
  email(@Root() profile: Profile): Promise<string> {
    return Promise.resolve(`${profile.visibility.toLowerCase()}@example.org`);
  }

  @FieldResolver(() => String, { nullable: true })
  @Auth(AuthRule.SELF, (profile: Profile) => ({ personId: profile.id }))
  phone(): string {
    throw new Error('the phone book is closed');
  }

  @Mutation(() => Boolean)
  @Auth(AuthRule.ADMIN)
  purge(): boolean {
    return true;
  }
}

describe('@Auth guards a field in front of its resolver', () => {
  let database: TestDatabase;
  let orm: MikroORM;
  let run: (identity: Identity, source: string) => { result: ExecutionResult | Promise<ExecutionResult>; ctx: HubContext };

  beforeAll(async () => {
    ({ orm, database } = await entitySchema('ngohub_kit_auth_guards', 'auth_guards_test', [AuditEntry]));
    const schema = await buildFederatedSchema({ resolvers: [ProfileResolver] });
    const log = createLogger('auth-guards-test', 'silent');
    run = (identity, source) => {
      const ctx = createContext({ em: orm.em as EntityManager, log, requestId: newId(), references: new References(subgraphUrls({}), log), identity });
      return { result: execute({ schema, document: parse(source), contextValue: ctx }), ctx };
    };
  });

  afterAll(async () => {
    await orm.close();
    await database.drop();
  });

  /** What the request's audit trail recorded, as written to the table. */
  async function audited(ctx: HubContext): Promise<Array<Pick<AuditEntry, 'subjectPersonId' | 'action' | 'outcome' | 'fields'>>> {
    await ctx.audit.flush(orm.em as EntityManager);
    const rows = await orm.em.fork().find(AuditEntry, { requestId: ctx.requestId });
    return rows.map(({ subjectPersonId, action, outcome, fields }) => ({ subjectPersonId, action, outcome, fields }));
  }

  it('answers without a promise when the subject and the resolver are synchronous', async () => {
    const { result } = run(ANONYMOUS, '{ profiles { id bio } }');
    expect(result).not.toBeInstanceOf(Promise);
    const { data, errors } = result as ExecutionResult;
    expect(data).toEqual({
      profiles: [
        { id: PUBLIC_ID, bio: 'public bio' },
        { id: PARTNERS_ID, bio: null },
      ],
    });
    expect(errors?.map((e) => [e.path, e.extensions.code])).toEqual([[['profiles', 1, 'bio'], 'UNAUTHENTICATED']]);
  });

  it('refuses, and lets through, once a subject from a promise is known', async () => {
    const member = callerIdentity({ personId: PUBLIC_ID, memberships: [{ organizationId: newId(), role: 'EDITOR' }] });
    const { data, errors } = await run(member, '{ profiles { bio email } }').result;
    expect(data).toEqual({
      profiles: [
        { bio: 'public bio', email: 'public@example.org' },
        { bio: 'partners bio', email: null },
      ],
    });
    expect(errors?.map((e) => [e.path, e.extensions.code])).toEqual([[['profiles', 1, 'email'], 'FORBIDDEN']]);
  });

  it("records a hub admin's reads of personal data: allowed, and failed when the resolver throws", async () => {
    const admin = callerIdentity({ admin: true, personId: newId() });
    const { result, ctx } = run(admin, '{ profiles { bio email phone } }');
    const { data, errors } = await result;
    expect(data).toEqual({
      profiles: [
        { bio: 'public bio', email: 'public@example.org', phone: null },
        { bio: 'partners bio', email: 'partners@example.org', phone: null },
      ],
    });
    expect(errors?.map((e) => e.message)).toEqual(['the phone book is closed', 'the phone book is closed']);
    // a public profile's bio is not recorded; a partners-only one is
    expect(await audited(ctx)).toEqual(
      expect.arrayContaining([
        { subjectPersonId: PUBLIC_ID, action: 'READ', outcome: 'ALLOWED', fields: ['Profile.email'] },
        { subjectPersonId: PUBLIC_ID, action: 'READ', outcome: 'FAILED', fields: ['Profile.phone'] },
        { subjectPersonId: PARTNERS_ID, action: 'READ', outcome: 'ALLOWED', fields: ['Profile.bio', 'Profile.email'] },
        { subjectPersonId: PARTNERS_ID, action: 'READ', outcome: 'FAILED', fields: ['Profile.phone'] },
      ]),
    );
    expect(await audited(ctx)).toHaveLength(4);
  });

  it('guards mutations by the identity alone when the rule needs no subject', async () => {
    const refused = await run(callerIdentity({ personId: newId() }), 'mutation { purge }').result;
    expect(refused.errors?.map((e) => e.extensions.code)).toEqual(['FORBIDDEN']);
    const allowed = await run(callerIdentity({ admin: true }), 'mutation { purge }').result;
    expect(allowed).toEqual({ data: { purge: true } });
  });
});
