import { OrganizationChange, organizationMatch, publishOrganizationChanged } from '../events/organization-changed.event';
import { GraphQLError } from 'graphql';
import { LockMode, UniqueConstraintViolationException, type EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import {
  ConflictError,
  type ConnectionArgs,
  countryCode,
  defineRowsById,
  distinct,
  exactLike,
  illustrativeCondition,
  isUuid,
  type ListOrder,
  NotFoundError,
  optionalText,
  optionalUrl,
  type Page,
  paginateChanges,
  pastDate,
  requiredText,
  textMatch,
  UserInputError,
} from '@ngo-hub/kit';
import { Organization } from '../entities/organization';
import { OrganizationMember } from '../entities/organization-member';
import { OrganizationRole } from '../vocabulary/organization-role';
import { Registration, RegistrationStatus } from '../entities/registration';
import type { CreateOrganizationInput, OrganizationFilter, RegistrationInput, UpdateOrganizationInput } from '../inputs/organization.input';
import { creditCodeProblem } from './credit-code';
import { assertOrgIdsFree, creditCodesCondition, orgIdsCondition, orgIdsTaken, publishedOrgIdsOf } from './org-ids';
import { recordRegistrationChange } from './registration-history';

/** Organizations by id, many per query: the loader behind `organization(id)` and `_entities`. */
export const organizationById = defineRowsById('organizationById', Organization);

/** The organization known by an org-id (published, or a credit code's CN-USCI-…), or null. */
export async function organizationByOrgId(em: EntityManager, orgId: string): Promise<Organization | null> {
  const [found] = await em.find(Organization, orgIdsCondition([orgId]), { limit: 1, orderBy: { createdAt: 'asc' } });
  return found ?? null;
}

const NAME_COLUMNS = [
  { property: 'name', column: 'name' },
  { property: 'nameZh', column: 'name_zh' },
];

export function organizationWhere(filter: OrganizationFilter = {}): FilterQuery<Organization> {
  const conditions: FilterQuery<Organization>[] = [];
  const search = filter.search?.trim();
  if (search) {
    conditions.push(textMatch<Organization>(NAME_COLUMNS, search, '"organizations"."organization"'));
  }
  if (filter.city) conditions.push({ cityKey: filter.city.trim().toLowerCase() });
  if (filter.province) conditions.push({ province: { $ilike: exactLike(filter.province.trim()) } });
  if (filter.country) conditions.push({ country: filter.country.trim().toUpperCase() });
  if (filter.kinds?.length) conditions.push({ kind: { $in: filter.kinds } });
  conditions.push(...illustrativeCondition(filter.illustrative));
  if (filter.causeAreas?.length) conditions.push({ causeAreas: { $overlap: filter.causeAreas } });
  if (filter.registrationStatuses?.length) conditions.push({ registration: { status: { $in: filter.registrationStatuses } } });
  if (filter.stages?.length) conditions.push({ stage: { $in: filter.stages } });
  if (filter.ids) conditions.push({ id: { $in: filter.ids.filter(isUuid) } });
  if (filter.orgIds) conditions.push(orgIdsCondition(filter.orgIds));
  if (filter.creditCodes) conditions.push(creditCodesCondition(filter.creditCodes));
  return conditions.length ? { $and: conditions } : {};
}

export function listOrganizations(
  em: EntityManager,
  filter: OrganizationFilter | undefined,
  args: ConnectionArgs,
  orderBy?: ListOrder,
): Promise<Page<Organization>> {
  return paginateChanges(em, Organization, organizationWhere(filter), args, { by: 'name' }, { updatedSince: filter?.updatedSince, orderBy });
}

function registrationOf(input: RegistrationInput | null | undefined): Registration {
  const registration = new Registration();
  if (!input) return registration;
  registration.status = input.status;
  registration.legalForm = input.legalForm ?? undefined;
  registration.path = input.path ?? undefined;
  registration.authority = optionalText(input.authority, 'registration.authority', 300);
  registration.authorityZh = optionalText(input.authorityZh, 'registration.authorityZh', 300);
  registration.supervisingUnit = optionalText(input.supervisingUnit, 'registration.supervisingUnit', 300);
  registration.registeredOn = pastDate(input.registeredOn, 'registration.registeredOn');
  const code = input.creditCode?.trim().toUpperCase();
  if (code) {
    const problem = creditCodeProblem(code);
    if (problem) throw new UserInputError(problem, 'registration.creditCode');
    if (registration.status !== RegistrationStatus.REGISTERED) {
      throw new UserInputError('only a REGISTERED organization has a credit code; set status to REGISTERED or leave creditCode out', 'registration.creditCode');
    }
    registration.creditCode = code;
  }
  if (registration.supervisingUnit && registration.path !== 'SUPERVISING_UNIT') {
    throw new UserInputError('a supervising unit is only given when path is SUPERVISING_UNIT', 'registration.supervisingUnit');
  }
  return registration;
}

type OrganizationFields = CreateOrganizationInput | UpdateOrganizationInput;

/** Validates the given fields and writes them onto the organization; fields not given stay. */
function apply(organization: Organization, input: OrganizationFields): void {
  const has = (key: keyof UpdateOrganizationInput) => (input as UpdateOrganizationInput)[key] !== undefined;
  if (has('name')) organization.name = requiredText(input.name, 'name', 300);
  if (has('nameZh')) organization.nameZh = optionalText(input.nameZh, 'nameZh', 300);
  if (has('kind')) {
    if (input.kind === null) throw new UserInputError('kind must not be null', 'kind');
    organization.kind = input.kind!;
  }
  if (has('causeAreas')) organization.causeAreas = distinct(input.causeAreas, 'causeAreas');
  if (has('city')) organization.city = optionalText(input.city, 'city', 100);
  if (has('province')) organization.province = optionalText(input.province, 'province', 100);
  // null: not known (a 360Giving file need not say where an organization is)
  if (has('country')) organization.country = input.country === null ? null : countryCode(input.country, 'country');
  if (has('foundedOn')) organization.foundedOn = pastDate(input.foundedOn, 'foundedOn');
  if (has('stage')) organization.stage = input.stage ?? undefined;
  if (has('website')) organization.website = optionalUrl(input.website, 'website');
  if (has('description')) organization.description = optionalText(input.description, 'description', 10000);
  if (has('descriptionZh')) organization.descriptionZh = optionalText(input.descriptionZh, 'descriptionZh', 10000);
  if (has('registration')) organization.registration = registrationOf(input.registration);
  if (has('orgIds')) organization.publishedOrgIds = publishedOrgIdsOf(input.orgIds);
}

async function save(em: EntityManager, organization: Organization): Promise<Organization> {
  try {
    await em.flush();
    return organization;
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) {
      throw new ConflictError(`another organization already has credit code ${organization.registration.creditCode}`, { field: 'registration.creditCode' });
    }
    throw error;
  }
}

/**
 * Adds an organization; a person who creates one becomes its ADMIN member in the same
 * transaction (`creatorPersonId`), so they can manage what they registered.
 */
export async function createOrganization(em: EntityManager, input: CreateOrganizationInput, creatorPersonId: string | null = null): Promise<Organization> {
  const organization = new Organization();
  apply(organization, { country: 'CN', ...input });
  return em.transactional(async (tx) => {
    tx.persist(organization);
    await assertOrgIdsFree(tx, organization);
    if (creatorPersonId) tx.create(OrganizationMember, { organization, personId: creatorPersonId, role: OrganizationRole.ADMIN });
    recordRegistrationChange(tx, organization, undefined, input.registration?.changeReason);
    publishOrganizationChanged(tx, organization, OrganizationChange.CREATED);
    return save(tx, organization);
  });
}

/** An error a caller is told about (a code other than INTERNAL_SERVER_ERROR), rather than a fault. */
function refusal(error: unknown): GraphQLError | undefined {
  const code = error instanceof GraphQLError ? error.extensions.code : undefined;
  return typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR' ? (error as GraphQLError) : undefined;
}

/**
 * Adds many organizations at once, for the hub's importers (a 360Giving file names thousands of
 * recipients): as `createOrganization` adds one, but in one transaction and a few statements
 * for the lot. An input that does not validate, or whose org-ids or credit code an organization
 * of the hub (or an earlier input) already has, is refused on its own; the answers follow the
 * inputs' order.
 */
export async function createOrganizations(em: EntityManager, inputs: readonly CreateOrganizationInput[]): Promise<(Organization | GraphQLError)[]> {
  const results: (Organization | GraphQLError)[] = new Array(inputs.length);
  const candidates: { index: number; organization: Organization; input: CreateOrganizationInput }[] = [];
  inputs.forEach((input, index) => {
    try {
      const organization = new Organization();
      apply(organization, { country: 'CN', ...input });
      candidates.push({ index, organization, input });
    } catch (error) {
      const refused = refusal(error);
      if (!refused) throw error;
      results[index] = refused;
    }
  });
  return em.transactional(async (tx) => {
    const taken = await orgIdsTaken(
      tx,
      candidates.flatMap((c) => c.organization.publishedOrgIds),
    );
    const codes = candidates.flatMap((c) => (c.organization.registration.creditCode ? [c.organization.registration.creditCode] : []));
    const registered = new Map(
      codes.length
        ? (await tx.find(Organization, { registration: { creditCode: { $in: codes } } }, { fields: ['id', 'registration.creditCode'] })).map((o) => [
            o.registration.creditCode!,
            o.id,
          ])
        : [],
    );
    for (const { index, organization, input } of candidates) {
      const orgId = organization.publishedOrgIds.find((id) => taken.has(id));
      const code = organization.registration.creditCode;
      if (orgId) {
        results[index] = new ConflictError(`organization ${taken.get(orgId)} already has the org-id ${orgId}`, {
          field: 'orgIds',
          organizationId: taken.get(orgId),
        });
      } else if (code && registered.has(code)) {
        results[index] = new ConflictError(`another organization already has credit code ${code}`, { field: 'registration.creditCode' });
      } else {
        for (const id of organization.publishedOrgIds) taken.set(id, organization.id);
        if (code) registered.set(code, organization.id);
        tx.persist(organization);
        recordRegistrationChange(tx, organization, undefined, input.registration?.changeReason);
        publishOrganizationChanged(tx, organization, OrganizationChange.CREATED);
        results[index] = organization;
      }
    }
    await tx.flush();
    return results;
  });
}

export async function updateOrganization(em: EntityManager, id: string, input: UpdateOrganizationInput): Promise<Organization> {
  return em.transactional(async (tx) => {
    const organization = isUuid(id) ? await tx.findOne(Organization, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
    if (!organization) throw new NotFoundError('Organization', id, 'id');
    const previous = organization.registration;
    const before = organizationMatch(organization);
    apply(organization, input);
    if (input.orgIds !== undefined) await assertOrgIdsFree(tx, organization);
    const registrationChanged = input.registration !== undefined && recordRegistrationChange(tx, organization, previous, input.registration?.changeReason);
    publishOrganizationChanged(tx, organization, registrationChanged ? OrganizationChange.REGISTRATION_CHANGED : OrganizationChange.UPDATED, before);
    return save(tx, organization);
  });
}
