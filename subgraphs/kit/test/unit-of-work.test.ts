import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { execute, parse } from 'graphql';
import { Ctx, Field, FieldResolver, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { AuditEntry } from '../src/audit/audit-entry';
import { AuditTrail } from '../src/audit/audit-trail';
import { ANONYMOUS, callerIdentity } from '../src/auth/identity';
import { subgraphUrls } from '../src/config';
import { createContext, type HubContext } from '../src/context';
import { buildFederatedSchema } from '../src/federation';
import { newId } from '../src/ids';
import { createLogger } from '../src/logger';
import { References } from '../src/references';
import type { TestDatabase } from '../src/testing/database';
import { entitySchema } from './support/entity-schema';

const SCHEMA = 'unit_of_work_test';
const REQUEST = 'unit-of-work-rows';

@ObjectType()
class Look {
  /** Entities the field's EntityManager held when it started. */
  @Field(() => Int)
  managedBefore!: number;

  em!: EntityManager;
}

@Resolver(() => Look)
class LookResolver {
  /** Loads the test's rows into the field's EntityManager, after counting what it already held. */
  private async look(ctx: HubContext): Promise<Look> {
    const look = Object.assign(new Look(), { managedBefore: ctx.em.getUnitOfWork().getIdentityMap().keys().length, em: ctx.em });
    await ctx.em.find(AuditEntry, { requestId: REQUEST });
    return look;
  }

  @Mutation(() => Look)
  lookInMutation(@Ctx() ctx: HubContext): Promise<Look> {
    return this.look(ctx);
  }

  @Query(() => Boolean)
  ready(): boolean {
    return true;
  }

  @FieldResolver(() => Boolean)
  sameEntityManager(@Root() look: Look, @Ctx() ctx: HubContext): boolean {
    return look.em === ctx.em;
  }
}

describe('a unit of work per root mutation field', () => {
  let database: TestDatabase;
  let orm: MikroORM;
  let run: (source: string) => Promise<Record<string, { managedBefore: number; sameEntityManager: boolean }>>;

  beforeAll(async () => {
    ({ orm, database } = await entitySchema('ngohub_kit_unit_of_work', SCHEMA, [AuditEntry]));
    const trail = new AuditTrail(callerIdentity({ admin: true, personId: newId() }), REQUEST);
    trail.record([newId(), newId(), newId()], 'READ', 'ALLOWED', 'Person.email');
    await trail.flush(orm.em);
    const schema = await buildFederatedSchema({ resolvers: [LookResolver] });
    const log = createLogger('unit-of-work-test', 'silent');
    run = async (source) => {
      const contextValue = createContext({
        em: orm.em as EntityManager,
        log,
        requestId: newId(),
        references: new References(subgraphUrls({}), log),
        identity: ANONYMOUS,
      });
      const result = await execute({ schema, document: parse(source), contextValue });
      expect(result.errors).toBeUndefined();
      return result.data as Awaited<ReturnType<typeof run>>;
    };
  });

  afterAll(async () => {
    await orm.close();
    await database.drop();
  });

  it('starts each aliased mutation of a batch with an empty identity map: none diffs what the earlier ones loaded', async () => {
    const data = await run(`mutation { a: lookInMutation { managedBefore } b: lookInMutation { managedBefore } c: lookInMutation { managedBefore } }`);
    expect([data.a.managedBefore, data.b.managedBefore, data.c.managedBefore]).toEqual([0, 0, 0]);
  });

  it("resolves a mutation's payload through the EntityManager its root field used", async () => {
    const data = await run(`mutation { a: lookInMutation { sameEntityManager } b: lookInMutation { sameEntityManager } }`);
    expect([data.a.sameEntityManager, data.b.sameEntityManager]).toEqual([true, true]);
  });
});
