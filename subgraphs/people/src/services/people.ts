import { LockMode, type EntityData, type EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import {
  type ConnectionArgs,
  defineRowsById,
  distinct,
  illustrativeCondition,
  isUuid,
  type ListOrder,
  NotFoundError,
  optionalText,
  type Page,
  paginateChanges,
  type References,
  requiredText,
  textMatch,
  UserInputError,
} from '@ngo-hub/kit';
import { Education } from '../entities/education';
import { Person, ProfileVisibility } from '../entities/person';
import { Qualification, QualificationKind } from '../entities/qualification';
import type { CreatePersonInput, PersonFilter, UpdatePersonInput } from '../inputs/person.input';
import { CONFIRMED } from './affiliation-consent';
import { optionalEmail, optionalPhone } from './contact-details';
import { educationEntries, educationOrganizations } from './education';
import { languagesOf, languageTag } from './languages';
import { levelsFrom, qualificationEntries } from './qualifications';
import { skillKey, skillsOf } from './skills';

/** People by id, many per query: the loader behind `person(id)`, `Affiliation.person` and `_entities`. */
export const personById = defineRowsById('personById', Person);

const NAME_COLUMNS = [
  { property: 'name', column: 'name' },
  { property: 'nameZh', column: 'name_zh' },
];

/** Profiles the directory may list: PRIVATE ones are never found by search or matching. */
export const LISTED: FilterQuery<Person> = { visibility: { $ne: ProfileVisibility.PRIVATE } };

export function personWhere(filter: PersonFilter = {}): FilterQuery<Person> {
  const conditions: FilterQuery<Person>[] = [LISTED];
  const search = filter.search?.trim();
  if (search) {
    conditions.push(textMatch<Person>(NAME_COLUMNS, search, '"people"."person"'));
  }
  const city = filter.city?.trim();
  if (city) conditions.push({ cityKey: city.toLowerCase() });
  if (filter.roles?.length) conditions.push({ roles: { $overlap: filter.roles } });
  conditions.push(...illustrativeCondition(filter.illustrative));
  const socialWork = { kind: QualificationKind.SOCIAL_WORK };
  if (filter.qualification) {
    const above = levelsFrom(filter.qualification).slice(1);
    conditions.push({ qualifications: { $some: { ...socialWork, level: filter.qualification } } });
    if (above.length) conditions.push({ qualifications: { $none: { ...socialWork, level: { $in: above } } } });
  }
  if (filter.minimumQualification) {
    conditions.push({ qualifications: { $some: { ...socialWork, level: { $in: levelsFrom(filter.minimumQualification) } } } });
  }
  if (filter.skill?.trim()) conditions.push({ skillKeys: { $contains: [skillKey(filter.skill)] } });
  if (filter.language) conditions.push({ languages: { $contains: [languageTag(filter.language, 'filter.language')] } });
  if (filter.openToWork !== undefined && filter.openToWork !== null) conditions.push({ openToWork: filter.openToWork });
  if (filter.organizationId !== undefined && filter.organizationId !== null) {
    conditions.push(
      isUuid(filter.organizationId) ? { affiliations: { $some: { $and: [{ organizationId: filter.organizationId }, CONFIRMED] } } } : { id: { $in: [] } },
    );
  }
  return { $and: conditions };
}

export function listPeople(em: EntityManager, filter: PersonFilter | undefined, args: ConnectionArgs, orderBy?: ListOrder): Promise<Page<Person>> {
  return paginateChanges(em, Person, personWhere(filter), args, { by: 'name' }, { updatedSince: filter?.updatedSince, orderBy });
}

type PersonFields = CreatePersonInput | UpdatePersonInput;

/** The person's lists that live in tables of their own, validated; undefined when not given. */
interface PersonLists {
  education?: EntityData<Education>[];
  qualifications?: EntityData<Qualification>[];
}

/** Validates the given scalar fields and writes them onto the person; fields not given stay. */
function apply(person: Person, input: PersonFields): void {
  const has = (key: keyof UpdatePersonInput) => (input as UpdatePersonInput)[key] !== undefined;
  if (has('name')) person.name = requiredText(input.name, 'name', 200);
  if (has('nameZh')) person.nameZh = optionalText(input.nameZh, 'nameZh', 200);
  if (has('roles')) person.roles = distinct(input.roles, 'roles');
  if (has('city')) person.city = optionalText(input.city, 'city', 100);
  if (has('province')) person.province = optionalText(input.province, 'province', 100);
  if (has('skills')) person.skills = skillsOf(input.skills, 'skills');
  if (has('languages')) person.languages = languagesOf(input.languages, 'languages');
  if (has('bio')) person.bio = optionalText(input.bio, 'bio', 5000);
  if (has('bioZh')) person.bioZh = optionalText(input.bioZh, 'bioZh', 5000);
  if (has('visibility')) {
    if (!input.visibility) throw new UserInputError(`visibility must be one of ${Object.values(ProfileVisibility).join(', ')}`, 'visibility');
    person.visibility = input.visibility;
  }
  if (has('openToWork')) person.openToWork = input.openToWork ?? false;
  if (has('email')) person.email = optionalEmail(input.email, 'email');
  if (has('phone')) person.phone = optionalPhone(input.phone, 'phone');
}

/** The lists given, validated; a list not given stays as it is. */
function listsOf(input: PersonFields): PersonLists {
  return {
    education: input.education !== undefined ? educationEntries(input.education, 'education') : undefined,
    qualifications: input.qualifications !== undefined ? qualificationEntries(input.qualifications, 'qualifications') : undefined,
  };
}

/** Writes the lists that were given, replacing the person's earlier entries, inside the caller's transaction. */
async function replaceLists(tx: EntityManager, person: Person, lists: PersonLists, replacing: boolean): Promise<void> {
  if (lists.education) {
    if (replacing) await tx.nativeDelete(Education, { person });
    for (const entry of lists.education) tx.create(Education, { ...entry, person } as Education);
  }
  if (lists.qualifications) {
    if (replacing) await tx.nativeDelete(Qualification, { person });
    for (const entry of lists.qualifications) tx.create(Qualification, { ...entry, person } as Qualification);
  }
}

async function assertInstitutions(references: References, lists: PersonLists): Promise<void> {
  if (lists.education?.length) await references.assertExistByField('Organization', educationOrganizations(lists.education, 'education'));
}

export async function createPerson(em: EntityManager, references: References, input: CreatePersonInput): Promise<Person> {
  const person = new Person();
  apply(person, input);
  const lists = listsOf(input);
  await assertInstitutions(references, lists);
  return em.transactional(async (tx) => {
    tx.persist(person);
    await replaceLists(tx, person, lists, false);
    await tx.flush();
    return person;
  });
}

/** Lists are checked (also against the organizations subgraph) before the person's row is locked. */
export async function updatePerson(em: EntityManager, references: References, id: string, input: UpdatePersonInput): Promise<Person> {
  const lists = listsOf(input);
  await assertInstitutions(references, lists);
  return em.transactional(async (tx) => {
    const person = isUuid(id) ? await tx.findOne(Person, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
    if (!person) throw new NotFoundError('Person', id, 'id');
    apply(person, input);
    await replaceLists(tx, person, lists, true);
    await tx.flush();
    return person;
  });
}
