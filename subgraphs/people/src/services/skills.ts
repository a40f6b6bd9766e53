import { UserInputError } from '@ngo-hub/kit';

const MAX_SKILLS = 50;
const MAX_SKILL_LENGTH = 100;

/** Skills as given, trimmed; a skill repeated with other spacing or case is kept once, as first written. */
export function skillsOf(values: readonly string[] | null | undefined, field: string): string[] {
  const skills = new Map<string, string>();
  (values ?? []).forEach((value, index) => {
    const skill = value.trim().replace(/\s+/g, ' ');
    if (!skill) throw new UserInputError(`${field}[${index}] must not be empty`, field);
    if (skill.length > MAX_SKILL_LENGTH) throw new UserInputError(`${field}[${index}] must be at most ${MAX_SKILL_LENGTH} characters`, field);
    const key = skill.toLowerCase();
    if (!skills.has(key)) skills.set(key, skill);
  });
  if (skills.size > MAX_SKILLS) throw new UserInputError(`${field} may list at most ${MAX_SKILLS} skills (got ${skills.size})`, field);
  return [...skills.values()];
}

/** A skill as the skill filters and matching compare it: spacing collapsed, lower-cased (what the `skill_keys` columns hold). */
export function skillKey(skill: string): string {
  return skill.trim().replace(/\s+/g, ' ').toLowerCase();
}
