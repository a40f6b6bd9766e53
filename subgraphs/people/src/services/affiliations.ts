import { LockMode, type EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import {
  ConflictError,
  definePageLoader,
  isUuid,
  NotFoundError,
  optionalText,
  paginateByParent,
  pastDate,
  today,
  UserInputError,
  type PageOrder,
  type References,
} from '@ngo-hub/kit';
import { Affiliation } from '../entities/affiliation';
import { Person } from '../entities/person';
import type { AddAffiliationInput, AffiliationListArgs, OrganizationPeopleArgs } from '../inputs/affiliation.input';

/** Held on `on`: not ended, or ending later. */
export function isCurrent(affiliation: Pick<Affiliation, 'endedOn'>, on = today()): boolean {
  return !affiliation.endedOn || affiliation.endedOn > on;
}

/** `isCurrent` as SQL; no condition when `current` is not given. */
export function currentCondition(current: boolean | null | undefined, on = today()): FilterQuery<Affiliation> {
  if (current === undefined || current === null) return {};
  return current ? { $or: [{ endedOn: null }, { endedOn: { $gt: on } }] } : { endedOn: { $lte: on } };
}

function endDate(endedOn: string, startedOn: string | undefined, field: string): string {
  if (startedOn && endedOn < startedOn) {
    throw new UserInputError(`${field} (${endedOn}) must not be before startedOn (${startedOn})`, field);
  }
  return endedOn;
}

const ORDER: PageOrder<Affiliation> = { by: 'startedOn' };

/** `Organization.people` for every organization of a request, in one statement for rows and one for totals. */
export const affiliationsOfOrganization = definePageLoader<Affiliation, OrganizationPeopleArgs>('affiliationsOfOrganization', (organizationIds, args, ctx) =>
  paginateByParent(ctx.em, Affiliation, 'organizationId', organizationIds, { $and: [currentCondition(args.current), args.role ? { role: args.role } : {}] }, args, ORDER),
);

/** `Person.affiliations` for every person of a request, batched like `affiliationsOfOrganization`. */
export const affiliationsOfPerson = definePageLoader<Affiliation, AffiliationListArgs>('affiliationsOfPerson', (personIds, args, ctx) =>
  paginateByParent(ctx.em, Affiliation, 'person', personIds, currentCondition(args.current), args, ORDER),
);

/**
 * Records a person's role in an organization. The organization is confirmed by its own subgraph
 * before anything is written; the person's row is locked so that the same role cannot be added twice at once.
 */
export async function addAffiliation(em: EntityManager, references: References, input: AddAffiliationInput): Promise<Affiliation> {
  const title = optionalText(input.title, 'title', 200);
  const startedOn = pastDate(input.startedOn, 'startedOn');
  const endedOn = input.endedOn ? endDate(input.endedOn, startedOn, 'endedOn') : undefined;
  await references.assertExist('Organization', [input.organizationId], 'organizationId');
  return em.transactional(async (tx) => {
    const person = isUuid(input.personId) ? await tx.findOne(Person, { id: input.personId }, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
    if (!person) throw new NotFoundError('Person', input.personId, 'personId');
    if (isCurrent({ endedOn })) {
      const held = await tx.count(Affiliation, {
        $and: [{ person, organizationId: input.organizationId, role: input.role }, currentCondition(true)],
      });
      if (held > 0) {
        throw new ConflictError(`this person already holds the role ${input.role} in this organization; end it before adding it again`, { field: 'role' });
      }
    }
    const affiliation = tx.create(Affiliation, { person, organizationId: input.organizationId, role: input.role, title, startedOn, endedOn });
    await tx.flush();
    return affiliation;
  });
}

/** Ends a role that is held, today unless another date is given (a later date schedules the end). */
export async function endAffiliation(em: EntityManager, id: string, endedOn: string | null | undefined): Promise<Affiliation> {
  return em.transactional(async (tx) => {
    const affiliation = isUuid(id) ? await tx.findOne(Affiliation, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
    if (!affiliation) throw new NotFoundError('Affiliation', id, 'id');
    if (!isCurrent(affiliation)) throw new ConflictError(`this affiliation already ended on ${affiliation.endedOn}`, { field: 'id' });
    affiliation.endedOn = endDate(endedOn ?? today(), affiliation.startedOn, 'endedOn');
    await tx.flush();
    return affiliation;
  });
}
