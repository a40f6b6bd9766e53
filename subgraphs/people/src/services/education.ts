import type { EntityData } from '@mikro-orm/postgresql';
import { defineLoader, isUuid, optionalText, requiredText, UserInputError } from '@ngo-hub/kit';
import { Education } from '../entities/education';
import type { EducationInput } from '../inputs/education.input';

export const MAX_EDUCATION_ENTRIES = 20;
const EARLIEST_YEAR = 1950;
const YEARS_AHEAD = 8;

/** Validated education entries, as column data (without the person). */
export function educationEntries(inputs: readonly EducationInput[] | null | undefined, field: string): EntityData<Education>[] {
  const list = inputs ?? [];
  if (list.length > MAX_EDUCATION_ENTRIES) throw new UserInputError(`${field} may list at most ${MAX_EDUCATION_ENTRIES} entries (got ${list.length})`, field);
  const latest = new Date().getUTCFullYear() + YEARS_AHEAD;
  return list.map((input, index) => {
    const at = `${field}[${index}]`;
    if (input.year !== undefined && input.year !== null && (input.year < EARLIEST_YEAR || input.year > latest)) {
      throw new UserInputError(`${at}.year must be between ${EARLIEST_YEAR} and ${latest} (got ${input.year})`, `${at}.year`);
    }
    if (input.organizationId !== undefined && input.organizationId !== null && !isUuid(input.organizationId)) {
      throw new UserInputError(`${at}.organizationId must be an organization id (a UUID)`, `${at}.organizationId`);
    }
    return {
      institution: requiredText(input.institution, `${at}.institution`, 200),
      institutionZh: optionalText(input.institutionZh, `${at}.institutionZh`, 200),
      organizationId: input.organizationId ?? undefined,
      degree: input.degree,
      major: optionalText(input.major, `${at}.major`, 200),
      year: input.year ?? undefined,
    };
  });
}

/** Organization ids the entries name, by input field, for one reference check. */
export function educationOrganizations(entries: readonly EntityData<Education>[], field: string): Record<string, string> {
  return Object.fromEntries(
    entries.flatMap((entry, index) => (entry.organizationId ? [[`${field}[${index}].organizationId`, entry.organizationId as string]] : [])),
  );
}

/** `Person.education` for every person of a request in one statement: a bounded list (at most 20 per person), earliest year first. */
export const educationOfPerson = defineLoader<string, Education[]>('educationOfPerson', async (personIds, ctx) => {
  const ids = personIds.filter(isUuid);
  const rows = ids.length ? await ctx.em.find(Education, { person: { $in: ids } }, { orderBy: [{ year: 'asc' }, { id: 'asc' }] }) : [];
  const byPerson = new Map<string, Education[]>();
  for (const row of rows) byPerson.set(row.person.id, [...(byPerson.get(row.person.id) ?? []), row]);
  return personIds.map((id) => byPerson.get(id) ?? []);
});
