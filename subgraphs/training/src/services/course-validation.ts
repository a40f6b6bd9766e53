import type { RequiredEntityData } from '@mikro-orm/postgresql';
import { distinct, optionalText, parseMoney, requiredText, UserInputError } from '@ngo-hub/kit';
import type { Course } from '../entities/course';
import type { CreateCourseInput } from '../inputs/course.input';

/** A course language as a canonical BCP 47 tag ("zh", "en", "zh-Hans"). */
export function languageTag(value: string | null | undefined, field: string): string {
  const text = value?.trim() || 'zh';
  try {
    const [canonical] = Intl.getCanonicalLocales(text);
    return canonical;
  } catch {
    throw new UserInputError(`${field} must be a BCP 47 language tag such as "zh" or "en" (got ${JSON.stringify(text)})`, field);
  }
}

function capacityOf(value: number | null | undefined): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (!Number.isInteger(value) || value < 1) {
    throw new UserInputError(`capacity must be at least 1, or left out for an unlimited course (got ${value})`, 'capacity');
  }
  return value;
}

/** Checks a new course's fields and returns them ready for the entity, with its offering organizations. */
export function validateCourse(input: CreateCourseInput): { fields: RequiredEntityData<Course>; offeredByIds: string[] } {
  if (input.endsOn < input.startsOn) {
    throw new UserInputError(`endsOn must be on or after startsOn (${input.startsOn}); got ${input.endsOn}`, 'endsOn');
  }
  const offeredByIds = distinct(input.offeredByIds, 'offeredByIds');
  if (offeredByIds.length === 0) throw new UserInputError('offeredByIds must name at least one organization', 'offeredByIds');
  const fee = input.fee ? parseMoney(input.fee, 'fee') : undefined;
  return {
    offeredByIds,
    fields: {
      title: requiredText(input.title, 'title', 300),
      titleZh: optionalText(input.titleZh, 'titleZh', 300),
      kind: input.kind,
      description: optionalText(input.description, 'description', 10000),
      descriptionZh: optionalText(input.descriptionZh, 'descriptionZh', 10000),
      audiences: distinct(input.audiences, 'audiences'),
      city: optionalText(input.city, 'city', 100),
      online: input.online ?? false,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      language: languageTag(input.language, 'language'),
      capacity: capacityOf(input.capacity),
      feeAmount: fee?.amount,
      feeCurrency: fee?.currency,
      causeAreas: distinct(input.causeAreas, 'causeAreas'),
    },
  };
}
