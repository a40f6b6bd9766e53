import { LockMode, type EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import {
  defineLoader,
  distinct,
  isUuid,
  likePattern,
  NotFoundError,
  optionalText,
  paginate,
  requiredText,
  type ConnectionArgs,
  type Page,
} from '@ngo-hub/kit';
import { Person } from '../entities/person';
import type { CreatePersonInput, PersonFilter, UpdatePersonInput } from '../inputs/person.input';
import { optionalEmail, optionalPhone } from './contact-details';
import { skillsOf } from './skills';

/** People by id, many per query: the loader behind `person(id)`, `Affiliation.person` and `_entities`. */
export const personById = defineLoader<string, Person | null>('personById', async (ids, ctx) => {
  const valid = ids.filter(isUuid);
  const rows = valid.length ? await ctx.em.find(Person, { id: { $in: valid } }) : [];
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => byId.get(id) ?? null);
});

/** A case-insensitive match of the whole text, with LIKE wildcards taken literally. */
function sameTextPattern(text: string): string {
  return likePattern(text).slice(1, -1);
}

export function personWhere(filter: PersonFilter = {}): FilterQuery<Person> {
  const conditions: FilterQuery<Person>[] = [];
  const search = filter.search?.trim();
  if (search) {
    const pattern = likePattern(search);
    conditions.push({ $or: [{ name: { $ilike: pattern } }, { nameZh: { $ilike: pattern } }] });
  }
  const city = filter.city?.trim();
  if (city) conditions.push({ city: { $ilike: sameTextPattern(city) } });
  if (filter.roles?.length) conditions.push({ roles: { $overlap: filter.roles } });
  if (filter.qualification) conditions.push({ qualification: filter.qualification });
  if (filter.organizationId !== undefined && filter.organizationId !== null) {
    conditions.push(
      isUuid(filter.organizationId) ? { affiliations: { $some: { organizationId: filter.organizationId } } } : { id: { $in: [] } },
    );
  }
  return conditions.length ? { $and: conditions } : {};
}

export function listPeople(em: EntityManager, filter: PersonFilter | undefined, args: ConnectionArgs): Promise<Page<Person>> {
  return paginate(em, Person, personWhere(filter), args, { by: 'name' });
}

type PersonFields = CreatePersonInput | UpdatePersonInput;

/** Validates the given fields and writes them onto the person; fields not given stay. */
function apply(person: Person, input: PersonFields): void {
  const has = (key: keyof UpdatePersonInput) => (input as UpdatePersonInput)[key] !== undefined;
  if (has('name')) person.name = requiredText(input.name, 'name', 200);
  if (has('nameZh')) person.nameZh = optionalText(input.nameZh, 'nameZh', 200);
  if (has('roles')) person.roles = distinct(input.roles, 'roles');
  if (has('city')) person.city = optionalText(input.city, 'city', 100);
  if (has('province')) person.province = optionalText(input.province, 'province', 100);
  if (has('skills')) person.skills = skillsOf(input.skills, 'skills');
  if (has('qualification')) person.qualification = input.qualification ?? undefined;
  if (has('bio')) person.bio = optionalText(input.bio, 'bio', 5000);
  if (has('bioZh')) person.bioZh = optionalText(input.bioZh, 'bioZh', 5000);
  if (has('email')) person.email = optionalEmail(input.email, 'email');
  if (has('phone')) person.phone = optionalPhone(input.phone, 'phone');
}

export async function createPerson(em: EntityManager, input: CreatePersonInput): Promise<Person> {
  const person = new Person();
  apply(person, input);
  return em.transactional(async (tx) => {
    tx.persist(person);
    await tx.flush();
    return person;
  });
}

export async function updatePerson(em: EntityManager, id: string, input: UpdatePersonInput): Promise<Person> {
  return em.transactional(async (tx) => {
    const person = isUuid(id) ? await tx.findOne(Person, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
    if (!person) throw new NotFoundError('Person', id, 'id');
    apply(person, input);
    await tx.flush();
    return person;
  });
}
