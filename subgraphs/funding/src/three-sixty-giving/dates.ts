import { UserInputError } from '@ngo-hub/kit';

/** How a file writes numeric dates whose year is not first: day first (21/11/2017) or month first (11/21/2017). */
export type DateOrder = 'dmy' | 'mdy' | 'ymd';

export const DATE_ORDERS: readonly DateOrder[] = ['dmy', 'mdy', 'ymd'];

/**
 * A date whose day and month could be swapped (both ≤ 12) in a file whose convention is not
 * known yet: the importer holds the grant until a later date of the file settles it, or refuses
 * it at the end naming --date-order.
 */
export class AmbiguousDateError extends UserInputError {
  constructor(field: string, raw: string) {
    super(
      `${field} ${JSON.stringify(raw)} could be read day first or month first, and no date of this file has a day above 12 to tell which: run the import again with --date-order dmy (day first) or --date-order mdy (month first)`,
      field,
    );
  }
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T ](\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$)/i;
const YEAR_FIRST = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?$/;
const YEAR_LAST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[T ,]+(\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?$/;
/** Excel's day 0 is 1899-12-30 (its 1900 leap-year bug included): serial 43060 is 2017-11-21. */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

interface Parts {
  year: number;
  month: number;
  day: number;
  time?: { hour: number; minute: number; second: number; fraction: string; zone?: string };
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

function isCalendarDate({ year, month, day }: Parts): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1900 && year <= 2100 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function timeOf(hour?: string, minute?: string, second?: string, fraction?: string, zone?: string): Parts['time'] {
  if (hour === undefined) return undefined;
  return { hour: +hour, minute: +minute!, second: second ? +second : 0, fraction: fraction ?? '', zone };
}

/**
 * Reads the dates of one file as its publisher wrote them: ISO dates and date-times
 * (2017-11-21, 2017-11-21T00:00:00Z, 2017-11-21 09:30:00), year-first 2017/11/21, day- or
 * month-first 21/11/2017 and Excel serial numbers (spreadsheets). The day/month order of a file
 * is the one given (--date-order), else the one its first date with a day above 12 shows; until
 * then a date that could be read both ways is an AmbiguousDateError, never a guess. A date that
 * contradicts the file's order (month 25) is refused with its row.
 */
export class DateReader {
  /** The date that settled the order, when the file did. */
  learnedFrom?: string;

  constructor(public order?: DateOrder) {}

  private parts(raw: string, field: string): Parts {
    let match = ISO.exec(raw);
    if (match) return { year: +match[1], month: +match[2], day: +match[3], time: timeOf(match[4], match[5], match[6], match[7], match[8]) };
    match = YEAR_FIRST.exec(raw);
    if (match) return { year: +match[1], month: +match[2], day: +match[3], time: timeOf(match[4], match[5], match[6], match[7]) };
    match = YEAR_LAST.exec(raw);
    if (!match) {
      throw new UserInputError(`${field} ${JSON.stringify(raw)} is not a date such as 2017-11-21, 2017-11-21T09:30:00Z or 21/11/2017`, field);
    }
    const first = +match[1];
    const second = +match[2];
    const time = timeOf(match[4], match[5], match[6], match[7]);
    if (this.order === 'ymd') {
      throw new UserInputError(`${field} ${JSON.stringify(raw)} has its year last, but --date-order ymd was given`, field);
    }
    if (!this.order) {
      if (first > 12 && second <= 12) this.learn('dmy', raw);
      else if (second > 12 && first <= 12) this.learn('mdy', raw);
      else if (first !== second) throw new AmbiguousDateError(field, raw);
    }
    const dayFirst = this.order !== 'mdy';
    return { year: +match[3], month: dayFirst ? second : first, day: dayFirst ? first : second, time };
  }

  private learn(order: DateOrder, raw: string): void {
    this.order = order;
    this.learnedFrom = raw;
  }

  private checked(raw: string, field: string): Parts {
    const parts = this.parts(raw, field);
    if (!isCalendarDate(parts)) {
      const order = this.order
        ? ` read as ${this.order === 'mdy' ? 'month/day/year' : 'day/month/year'}${this.learnedFrom ? ` (the order this file's ${JSON.stringify(this.learnedFrom)} shows)` : ''}`
        : '';
      throw new UserInputError(`${field} ${JSON.stringify(raw)}${order} is not a calendar date between 1900 and 2100`, field);
    }
    const { time } = parts;
    if (time && (time.hour > 23 || time.minute > 59 || time.second > 60))
      throw new UserInputError(`${field} ${JSON.stringify(raw)} has no such time of day`, field);
    return parts;
  }

  /** The calendar date a value names, as YYYY-MM-DD (the time of a date-time is dropped). */
  date(raw: string, field: string): string {
    const { year, month, day } = this.checked(raw.trim(), field);
    return `${year}-${pad(month)}-${pad(day)}`;
  }

  /** A date-time as ISO 8601 with its zone; one written without a zone is taken as UTC, a date alone as its midnight UTC. */
  dateTime(raw: string, field: string): string {
    const { year, month, day, time } = this.checked(raw.trim(), field);
    const date = `${year}-${pad(month)}-${pad(day)}`;
    if (!time) return `${date}T00:00:00Z`;
    const zone = !time.zone || time.zone.toUpperCase() === 'Z' ? 'Z' : time.zone.includes(':') ? time.zone : `${time.zone.slice(0, 3)}:${time.zone.slice(3)}`;
    // one instant, one text: in UTC, without a fraction of zeros (2018-08-24T13:12:00.000Z is 2018-08-24T13:12:00Z)
    const instant = new Date(`${date}T${pad(time.hour)}:${pad(time.minute)}:${pad(Math.min(time.second, 59))}${time.fraction.slice(0, 4)}${zone}`);
    return instant.toISOString().replace(/\.000Z$/, 'Z');
  }
}

/** An Excel serial date-time (days since 1899-12-30, the fraction the time of day) as ISO text: a date alone when it has no time. */
export function excelSerialToIso(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial > 73_051) return undefined; // up to 2099-12-31
  const ms = Math.round((serial * DAY_MS) / 1000) * 1000 + EXCEL_EPOCH;
  const iso = new Date(ms).toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 19)}Z`;
}

/** A spreadsheet's date cell (a JS Date at UTC) as ISO text: a date alone when it is midnight. */
export function cellDateToIso(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 19)}Z`;
}
