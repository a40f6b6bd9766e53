/**
 * A date this many days after the day the seed is loaded. Upcoming courses are placed relative to
 * it so that a fresh hub always has courses open for enrollment; past ones have their real dates.
 */
export function daysFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** Every day of the given weekday (0 = Sunday) from `from` to `to`, inclusive, as YYYY-MM-DD. */
export function weekdaysBetween(weekday: number, from: string, to: string): string[] {
  const days: string[] = [];
  const day = new Date(`${from}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + ((weekday - day.getUTCDay() + 7) % 7));
  for (; day.toISOString().slice(0, 10) <= to; day.setUTCDate(day.getUTCDate() + 7)) days.push(day.toISOString().slice(0, 10));
  return days;
}
