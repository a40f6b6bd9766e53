import { LockMode, type EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import {
  ConflictError,
  type ConnectionArgs,
  definePageLoader,
  findOrNotFound,
  ForbiddenError,
  optionalText,
  type PageOrder,
  paginateByParent,
  pastDate,
  type References,
  today,
  UserInputError,
} from '@ngo-hub/kit';
import { Affiliation, AffiliationStatus } from '../entities/affiliation';
import { Person } from '../entities/person';
import type { AddAffiliationInput, AffiliationListArgs, OrganizationPeopleArgs } from '../inputs/affiliation.input';
import { affiliationStatus, CONFIRMED, PENDING, proposedBy, type ConsentSides } from './affiliation-consent';

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

/** `Organization.people` (confirmed affiliations) for every organization of a request, in one statement for rows and one for totals. */
export const affiliationsOfOrganization = definePageLoader<Affiliation, OrganizationPeopleArgs>('affiliationsOfOrganization', (organizationIds, args, ctx) =>
  paginateByParent(
    ctx.em,
    Affiliation,
    'organizationId',
    organizationIds,
    { $and: [CONFIRMED, currentCondition(args.current), args.role ? { role: args.role } : {}] },
    args,
    ORDER,
  ),
);

/** `Person.affiliations` (confirmed affiliations) for every person of a request, batched like `affiliationsOfOrganization`. */
export const affiliationsOfPerson = definePageLoader<Affiliation, AffiliationListArgs>('affiliationsOfPerson', (personIds, args, ctx) =>
  paginateByParent(ctx.em, Affiliation, 'person', personIds, { $and: [CONFIRMED, currentCondition(args.current)] }, args, ORDER),
);

/** `Organization.pendingAffiliations`: the affiliations naming the organization that wait for a side. */
export const pendingAffiliationsOfOrganization = definePageLoader<Affiliation, ConnectionArgs>(
  'pendingAffiliationsOfOrganization',
  (organizationIds, args, ctx) => paginateByParent(ctx.em, Affiliation, 'organizationId', organizationIds, PENDING, args, ORDER),
);

/** `Person.pendingAffiliations`: the affiliations naming the person that wait for a side. */
export const pendingAffiliationsOfPerson = definePageLoader<Affiliation, ConnectionArgs>('pendingAffiliationsOfPerson', (personIds, args, ctx) =>
  paginateByParent(ctx.em, Affiliation, 'person', personIds, PENDING, args, ORDER),
);

/**
 * Proposes a person's role in an organization, agreed for the sides the caller speaks for (see
 * affiliation-consent.ts): confirmed at once only when they speak for both. The organization is
 * confirmed to exist by its own subgraph before anything is written; the person's row is locked so
 * that the same role cannot be added twice at once.
 */
export async function addAffiliation(em: EntityManager, references: References, input: AddAffiliationInput, sides: ConsentSides): Promise<Affiliation> {
  // a row agreed by neither side would read as a seed row (seed/affiliation-consent.seed.ts)
  if (!sides.person && !sides.organization) throw new ForbiddenError('only the person or an editor of the organization may propose an affiliation');
  const title = optionalText(input.title, 'title', 200);
  const startedOn = pastDate(input.startedOn, 'startedOn');
  const endedOn = input.endedOn ? endDate(input.endedOn, startedOn, 'endedOn') : undefined;
  await references.assertExist('Organization', [input.organizationId], 'organizationId');
  return em.transactional(async (tx) => {
    const person = await findOrNotFound(tx, Person, input.personId, 'personId', { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (isCurrent({ endedOn })) {
      const held = await tx.findOne(Affiliation, {
        $and: [{ person, organizationId: input.organizationId, role: input.role }, currentCondition(true)],
      });
      if (held) {
        const status = affiliationStatus(held);
        const message =
          status === AffiliationStatus.CONFIRMED
            ? `this person already holds the role ${input.role} in this organization; end it before adding it again`
            : `this role is already proposed (${status}): confirm or decline affiliation ${held.id}`;
        throw new ConflictError(message, { field: 'role', affiliationId: held.id, status });
      }
    }
    const affiliation = tx.create(Affiliation, {
      person,
      organizationId: input.organizationId,
      role: input.role,
      title,
      startedOn,
      endedOn,
      ...proposedBy(sides),
    });
    await tx.flush();
    return affiliation;
  });
}

/** Ends a role that is held, today unless another date is given (a later date schedules the end). */
export async function endAffiliation(em: EntityManager, id: string, endedOn: string | null | undefined): Promise<Affiliation> {
  return em.transactional(async (tx) => {
    const affiliation = await findOrNotFound(tx, Affiliation, id, 'id', { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (affiliationStatus(affiliation) !== AffiliationStatus.CONFIRMED) {
      throw new ConflictError('this affiliation is not confirmed by both sides, so it never took effect: decline it instead of ending it', {
        field: 'id',
        status: affiliationStatus(affiliation),
      });
    }
    if (!isCurrent(affiliation)) throw new ConflictError(`this affiliation already ended on ${affiliation.endedOn}`, { field: 'id' });
    affiliation.endedOn = endDate(endedOn ?? today(), affiliation.startedOn, 'endedOn');
    await tx.flush();
    return affiliation;
  });
}
