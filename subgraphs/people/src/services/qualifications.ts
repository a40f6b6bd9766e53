import type { EntityData } from '@mikro-orm/postgresql';
import { defineLoader, isUuid, UserInputError } from '@ngo-hub/kit';
import { Qualification, QualificationKind, SOCIAL_WORK_LEVELS, type SocialWorkQualification } from '../entities/qualification';
import type { QualificationInput } from '../inputs/qualification.input';

/** China's national social-work qualification examinations began in 2008. */
const FIRST_EXAMINATION_YEAR = 2008;

/** Validated qualifications, as column data (without the person): each kind and level once, years from 2008 to now. */
export function qualificationEntries(inputs: readonly QualificationInput[] | null | undefined, field: string): EntityData<Qualification>[] {
  const seen = new Set<string>();
  const thisYear = new Date().getUTCFullYear();
  return (inputs ?? []).map((input, index) => {
    const at = `${field}[${index}]`;
    const kind = input.kind ?? QualificationKind.SOCIAL_WORK;
    const key = `${kind} ${input.level}`;
    if (seen.has(key)) throw new UserInputError(`${field} names ${key} twice`, `${at}.level`);
    seen.add(key);
    if (input.year !== undefined && input.year !== null && (input.year < FIRST_EXAMINATION_YEAR || input.year > thisYear)) {
      throw new UserInputError(
        `${at}.year must be between ${FIRST_EXAMINATION_YEAR} (the first national examination) and ${thisYear} (got ${input.year})`,
        `${at}.year`,
      );
    }
    return { kind, level: input.level, year: input.year ?? undefined };
  });
}

/** 1 for the entry level, 3 for senior; 0 for none. */
export function levelRank(level: SocialWorkQualification | null | undefined): number {
  return level ? SOCIAL_WORK_LEVELS.indexOf(level) + 1 : 0;
}

/** The highest social-work level among a person's qualifications (what `Person.qualification` shows). */
export function highestLevel(qualifications: readonly Pick<Qualification, 'kind' | 'level'>[]): SocialWorkQualification | null {
  const levels = qualifications.filter((q) => q.kind === QualificationKind.SOCIAL_WORK).map((q) => q.level);
  return levels.length ? levels.reduce((a, b) => (levelRank(b) > levelRank(a) ? b : a)) : null;
}

/** The given level and the levels above it. */
export function levelsFrom(level: SocialWorkQualification): SocialWorkQualification[] {
  return SOCIAL_WORK_LEVELS.slice(SOCIAL_WORK_LEVELS.indexOf(level));
}

/** `Person.qualifications` and `Person.qualification` for every person of a request in one statement (at most a few per person). */
export const qualificationsOfPerson = defineLoader<string, Qualification[]>('qualificationsOfPerson', async (personIds, ctx) => {
  const ids = personIds.filter(isUuid);
  const rows = ids.length ? await ctx.em.find(Qualification, { person: { $in: ids } }, { orderBy: [{ year: 'asc' }, { id: 'asc' }] }) : [];
  const byPerson = new Map<string, Qualification[]>();
  for (const row of rows) byPerson.set(row.person.id, [...(byPerson.get(row.person.id) ?? []), row]);
  return personIds.map((id) => byPerson.get(id) ?? []);
});
