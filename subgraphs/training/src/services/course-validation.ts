import type { EntityData, RequiredEntityData } from '@mikro-orm/postgresql';
import { distinct, isUuid, NotFoundError, optionalText, parseMoney, requiredText, UserInputError, type MoneyInput } from '@ngo-hub/kit';
import type { Course } from '../entities/course';
import { Recognition } from '../entities/recognition';
import type { CreateCourseInput, UpdateCourseInput } from '../inputs/course.input';
import type { RecognitionInput } from '../inputs/recognition.input';

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

/** An IANA time zone in its canonical spelling ("asia/shanghai" → "Asia/Shanghai"). */
export function timeZone(value: string | null | undefined, field: string): string {
  const text = value?.trim() || 'Asia/Shanghai';
  try {
    return new Intl.DateTimeFormat('en', { timeZone: text }).resolvedOptions().timeZone;
  } catch {
    throw new UserInputError(`${field} must be an IANA time zone such as "Asia/Shanghai" or "Asia/Taipei" (got ${JSON.stringify(text)})`, field);
  }
}

function capacityOf(value: number | null | undefined): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (!Number.isInteger(value) || value < 1) {
    throw new UserInputError(`capacity must be at least 1, or left out for an unlimited course (got ${value})`, 'capacity');
  }
  return value;
}

function feeOf(value: MoneyInput | null | undefined): { feeAmount?: string; feeCurrency?: string } {
  const fee = value ? parseMoney(value, 'fee') : undefined;
  return { feeAmount: fee?.amount, feeCurrency: fee?.currency };
}

function recognitionsOf(values: RecognitionInput[] | null | undefined): Recognition[] {
  const thisYear = new Date().getUTCFullYear();
  return (values ?? []).map((value, i) => {
    const field = `recognitions.${i}`;
    if (!Number.isInteger(value.year) || value.year < 1900 || value.year > thisYear) {
      throw new UserInputError(`${field}.year must be a year from 1900 to ${thisYear} (got ${value.year})`, `${field}.year`);
    }
    return Object.assign(new Recognition(), {
      year: value.year,
      title: requiredText(value.title, `${field}.title`, 300),
      titleZh: optionalText(value.titleZh, `${field}.titleZh`, 300),
      awardedBy: requiredText(value.awardedBy, `${field}.awardedBy`, 300),
      awardedByZh: optionalText(value.awardedByZh, `${field}.awardedByZh`, 300),
    });
  });
}

function offeredByOf(values: readonly string[]): string[] {
  const ids = distinct(values, 'offeredByIds');
  if (ids.length === 0) throw new UserInputError('offeredByIds must name at least one organization', 'offeredByIds');
  const malformed = ids.find((id) => !isUuid(id));
  if (malformed) throw new NotFoundError('Organization', malformed, 'offeredByIds');
  return ids;
}

function grantOf(value: string | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (!isUuid(value)) throw new NotFoundError('Grant', value, 'fundingGrantId');
  return value;
}

function assertDates(startsOn: string, endsOn: string): void {
  if (endsOn < startsOn) throw new UserInputError(`endsOn must be on or after startsOn (${startsOn}); got ${endsOn}`, 'endsOn');
}

/** Checks a new course's fields and returns them ready for the entity, with its offering organizations. */
export function validateCourse(input: CreateCourseInput): { fields: RequiredEntityData<Course>; offeredByIds: string[] } {
  assertDates(input.startsOn, input.endsOn);
  return {
    offeredByIds: offeredByOf(input.offeredByIds),
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
      schedule: optionalText(input.schedule, 'schedule', 500),
      scheduleZh: optionalText(input.scheduleZh, 'scheduleZh', 500),
      timeZone: timeZone(input.timeZone, 'timeZone'),
      language: languageTag(input.language, 'language'),
      capacity: capacityOf(input.capacity),
      ...feeOf(input.fee),
      requiresApproval: input.requiresApproval ?? false,
      fundingGrantId: grantOf(input.fundingGrantId),
      recognitions: recognitionsOf(input.recognitions),
      causeAreas: distinct(input.causeAreas, 'causeAreas'),
    },
  };
}

export interface CourseChanges {
  fields: EntityData<Course>;
  offeredByIds?: string[];
}

function notNull<T>(value: T | null, field: string): T {
  if (value === null) throw new UserInputError(`${field} cannot be removed; leave it out to keep it as it is`, field);
  return value;
}

/**
 * Checks the fields an update names (left out: unchanged; null: cleared where that is allowed).
 * Rules that need the course as it is (dates, capacity, sessions) are checked under its lock.
 */
export function validateCourseChanges(input: UpdateCourseInput): CourseChanges {
  const fields: EntityData<Course> = {};
  const given = <K extends keyof UpdateCourseInput>(key: K) => input[key] !== undefined;
  // MikroORM writes NULL for null, and leaves a property out of the UPDATE for undefined.
  const orNull = <T>(value: T | undefined) => (value === undefined ? null : value) as T;
  if (given('title')) fields.title = requiredText(notNull(input.title!, 'title'), 'title', 300);
  if (given('titleZh')) fields.titleZh = orNull(optionalText(input.titleZh, 'titleZh', 300));
  if (given('kind')) fields.kind = notNull(input.kind!, 'kind');
  if (given('description')) fields.description = orNull(optionalText(input.description, 'description', 10000));
  if (given('descriptionZh')) fields.descriptionZh = orNull(optionalText(input.descriptionZh, 'descriptionZh', 10000));
  if (given('audiences')) fields.audiences = distinct(input.audiences, 'audiences');
  if (given('city')) fields.city = orNull(optionalText(input.city, 'city', 100));
  if (given('online')) fields.online = notNull(input.online!, 'online');
  if (given('startsOn')) fields.startsOn = notNull(input.startsOn!, 'startsOn');
  if (given('endsOn')) fields.endsOn = notNull(input.endsOn!, 'endsOn');
  if (given('schedule')) fields.schedule = orNull(optionalText(input.schedule, 'schedule', 500));
  if (given('scheduleZh')) fields.scheduleZh = orNull(optionalText(input.scheduleZh, 'scheduleZh', 500));
  if (given('timeZone')) fields.timeZone = timeZone(notNull(input.timeZone!, 'timeZone'), 'timeZone');
  if (given('language')) fields.language = languageTag(notNull(input.language!, 'language'), 'language');
  if (given('capacity')) fields.capacity = orNull(capacityOf(input.capacity));
  if (given('fee')) {
    const fee = feeOf(input.fee);
    fields.feeAmount = orNull(fee.feeAmount);
    fields.feeCurrency = orNull(fee.feeCurrency);
  }
  if (given('requiresApproval')) fields.requiresApproval = notNull(input.requiresApproval!, 'requiresApproval');
  if (given('fundingGrantId')) fields.fundingGrantId = orNull(grantOf(input.fundingGrantId));
  if (given('recognitions')) fields.recognitions = recognitionsOf(input.recognitions);
  if (given('causeAreas')) fields.causeAreas = distinct(input.causeAreas, 'causeAreas');
  const offeredByIds = given('offeredByIds') ? offeredByOf(notNull(input.offeredByIds!, 'offeredByIds')) : undefined;
  return { fields, offeredByIds };
}

/** The dates a course would have after the changes; endsOn never before startsOn. */
export function datesAfter(course: Course, fields: EntityData<Course>): { startsOn: string; endsOn: string } {
  const dates = { startsOn: (fields.startsOn as string | undefined) ?? course.startsOn, endsOn: (fields.endsOn as string | undefined) ?? course.endsOn };
  assertDates(dates.startsOn, dates.endsOn);
  return dates;
}
