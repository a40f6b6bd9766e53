import type { EntityData } from '@mikro-orm/postgresql';
import { isUuid, NotFoundError, optionalText, optionalUrl, requiredText, UserInputError } from '@ngo-hub/kit';
import type { Course } from '../entities/course';
import type { Session } from '../entities/session';
import type { ScheduleSessionInput, UpdateSessionInput } from '../inputs/session.input';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function timeOf(value: string | null | undefined, field: string): string | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  const padded = /^\d:\d\d$/.test(text) ? `0${text}` : text;
  if (!TIME.test(padded)) throw new UserInputError(`${field} must be a time of day "HH:MM" from 00:00 to 23:59 (got ${JSON.stringify(value)})`, field);
  return padded;
}

function instructorOf(value: string | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (!isUuid(value)) throw new NotFoundError('Person', value, 'instructorId');
  return value;
}

export interface SessionFields {
  heldOn: string;
  startTime?: string;
  endTime?: string;
  topic: string;
  topicZh?: string;
  place?: string;
  onlineUrl?: string;
  instructorId?: string;
}

/** Rules between a session's fields and its course's, checked on the session as it will be saved. */
export function assertSessionFits(session: SessionFields, course: Pick<Course, 'startsOn' | 'endsOn'>): void {
  if (session.heldOn < course.startsOn || session.heldOn > course.endsOn) {
    throw new UserInputError(`date must be within the course's dates, ${course.startsOn} to ${course.endsOn} (got ${session.heldOn})`, 'date');
  }
  if (session.endTime && !session.startTime) throw new UserInputError('endTime needs a startTime', 'endTime');
  if (session.endTime && session.startTime && session.endTime <= session.startTime) {
    throw new UserInputError(`endTime must be after startTime (${session.startTime}); got ${session.endTime}`, 'endTime');
  }
  if (!session.place && !session.onlineUrl) throw new UserInputError('a session needs a place or an onlineUrl (or both)', 'place');
}

export function validateNewSession(input: ScheduleSessionInput): SessionFields {
  return {
    heldOn: input.date,
    startTime: timeOf(input.startTime, 'startTime'),
    endTime: timeOf(input.endTime, 'endTime'),
    topic: requiredText(input.topic, 'topic', 300),
    topicZh: optionalText(input.topicZh, 'topicZh', 300),
    place: optionalText(input.place, 'place', 300),
    onlineUrl: optionalUrl(input.onlineUrl, 'onlineUrl'),
    instructorId: instructorOf(input.instructorId),
  };
}

/** The fields an update names (null clears), merged over the session as it is. */
export function validateSessionChanges(input: UpdateSessionInput, session: Session): SessionFields {
  const given = <K extends keyof UpdateSessionInput>(key: K) => input[key] !== undefined;
  if (input.topic === null) throw new UserInputError('topic cannot be removed; leave it out to keep it as it is', 'topic');
  if (input.date === null) throw new UserInputError('date cannot be removed; leave it out to keep it as it is', 'date');
  const startTime = given('startTime') ? timeOf(input.startTime, 'startTime') : session.startTime;
  return {
    heldOn: input.date ?? session.heldOn,
    startTime,
    endTime: given('endTime') ? timeOf(input.endTime, 'endTime') : startTime ? session.endTime : undefined,
    topic: given('topic') ? requiredText(input.topic, 'topic', 300) : session.topic,
    topicZh: given('topicZh') ? optionalText(input.topicZh, 'topicZh', 300) : session.topicZh,
    place: given('place') ? optionalText(input.place, 'place', 300) : session.place,
    onlineUrl: given('onlineUrl') ? optionalUrl(input.onlineUrl, 'onlineUrl') : session.onlineUrl,
    instructorId: given('instructorId') ? instructorOf(input.instructorId) : session.instructorId,
  };
}

/** Session fields for `assign`: null where a field is now empty, so MikroORM writes NULL. */
export function sessionData(fields: SessionFields): EntityData<Session> {
  const empty = <T>(value: T | undefined) => (value === undefined ? null : value) as T;
  return {
    heldOn: fields.heldOn,
    startTime: empty(fields.startTime),
    endTime: empty(fields.endTime),
    topic: fields.topic,
    topicZh: empty(fields.topicZh),
    place: empty(fields.place),
    onlineUrl: empty(fields.onlineUrl),
    instructorId: empty(fields.instructorId),
  };
}
