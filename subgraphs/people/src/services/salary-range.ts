import { money, parseMoney, UserInputError } from '@ngo-hub/kit';
import type { JobPosting } from '../entities/job-posting';
import type { SalaryRangeInput } from '../inputs/job-posting.input';
import { SalaryRange } from '../types/salary-range';

type SalaryColumns = Pick<JobPosting, 'salaryMin' | 'salaryMax' | 'salaryCurrency' | 'salaryPeriod'>;

/** Two amounts of one currency, formatted with the same minor units, compared exactly (no floats). */
function compareAmounts(a: string, b: string): number {
  const units = (amount: string) => BigInt(amount.replace('.', ''));
  const difference = units(a) - units(b);
  return difference === 0n ? 0 : difference < 0n ? -1 : 1;
}

/** A salary range input as the posting's columns; null or undefined clears them. */
export function salaryColumns(input: SalaryRangeInput | null | undefined, field: string): SalaryColumns {
  if (!input) return { salaryMin: undefined, salaryMax: undefined, salaryCurrency: undefined, salaryPeriod: undefined };
  if (!input.min && !input.max) throw new UserInputError(`${field} needs min, max or both; leave ${field} out when pay is not stated`, field);
  const min = input.min ? parseMoney(input.min, `${field}.min`) : undefined;
  const max = input.max ? parseMoney(input.max, `${field}.max`) : undefined;
  if (min && max) {
    if (min.currency !== max.currency) {
      throw new UserInputError(`${field}.max must be in the currency of ${field}.min (${min.currency}, got ${max.currency})`, `${field}.max.currency`);
    }
    if (compareAmounts(min.amount, max.amount) > 0) {
      throw new UserInputError(`${field}.max (${max.amount}) must not be below ${field}.min (${min.amount})`, `${field}.max.amount`);
    }
  }
  return { salaryMin: min?.amount, salaryMax: max?.amount, salaryCurrency: (min ?? max)!.currency, salaryPeriod: input.period };
}

export function salaryOf(posting: SalaryColumns): SalaryRange | null {
  if (!posting.salaryCurrency || !posting.salaryPeriod) return null;
  const currency = posting.salaryCurrency;
  return Object.assign(new SalaryRange(), {
    min: posting.salaryMin ? money(posting.salaryMin, currency) : null,
    max: posting.salaryMax ? money(posting.salaryMax, currency) : null,
    period: posting.salaryPeriod,
  });
}
