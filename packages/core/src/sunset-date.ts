const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;
const IMF_FIXDATE =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) ([A-Z][a-z]{2}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MINUTE_MS = 60_000;

/**
 * Reads a date a `Sunset` header or an `x-sunset` field can carry and returns its UTC
 * calendar day as YYYY-MM-DD, or undefined when it is not one of an RFC 3339 full-date
 * (`2026-06-30`), an RFC 3339 date-time (`2026-06-30T00:00:00Z`, moved to UTC by its
 * offset), or an HTTP-date in the IMF-fixdate form of RFC 9110 (`Tue, 30 Jun 2026
 * 00:00:00 GMT`). Calendar dates must exist, so `2025-02-30` is rejected, and an
 * HTTP-date's weekday must match its date. The lint rules and the policy checks both
 * read dates through this function, so they accept the same values.
 */
export function parseSunsetDate(value: string): string | undefined {
  return fullDateOf(value) ?? dateTimeDay(value) ?? imfFixdateDay(value);
}

/** True when `parseSunsetDate` reads `value` as a date. */
export function isSunsetDate(value: string): boolean {
  return parseSunsetDate(value) !== undefined;
}

function fullDateOf(value: string): string | undefined {
  const match = FULL_DATE.exec(value);
  if (match === null) return undefined;
  return dayExists(Number(match[1]), Number(match[2]), Number(match[3])) ? value : undefined;
}

function dateTimeDay(value: string): string | undefined {
  const match = DATE_TIME.exec(value);
  if (match === null) return undefined;

  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const offsetHour = Number(match[8] ?? 0);
  const offsetMinute = Number(match[9] ?? 0);
  if (!dayExists(year, month, day) || !isTimeOfDay(hour, minute, second)) return undefined;
  if (offsetHour > 23 || offsetMinute > 59) return undefined;

  // A leap second (second 60) ends the same minute, so it counts as second 59 here.
  const local = utcTime(year, month, day, hour, minute, Math.min(second, 59));
  const offset = (match[7] === '-' ? -1 : 1) * (offsetHour * 60 + offsetMinute);
  return dayText(new Date(local - offset * MINUTE_MS));
}

function imfFixdateDay(value: string): string | undefined {
  const match = IMF_FIXDATE.exec(value);
  if (match === null) return undefined;

  const [, weekday, dayNumber, monthName, yearNumber, hour, minute, second] = match;
  const month = MONTHS.indexOf(monthName ?? '') + 1;
  const year = Number(yearNumber);
  const day = Number(dayNumber);
  if (!dayExists(year, month, day)) return undefined;
  if (!isTimeOfDay(Number(hour), Number(minute), Number(second))) return undefined;
  const date = new Date(utcTime(year, month, day, 0, 0, 0));
  return WEEKDAYS[date.getUTCDay()] === weekday ? dayText(date) : undefined;
}

/** True when the day exists in that month, leap years included. */
function dayExists(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Epoch milliseconds of a UTC date and time. */
function utcTime(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
): number {
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0-99 to 1900-1999.
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  return date.getTime();
}

function dayText(date: Date): string {
  const year = String(date.getUTCFullYear()).padStart(4, '0');
  const month = String(date.getUTCMonth() + 1).padStart(2, '0');
  const day = String(date.getUTCDate()).padStart(2, '0');
  return `${year}-${month}-${day}`;
}

/** Second 60 is allowed because RFC 3339 and RFC 9110 both permit a leap second. */
function isTimeOfDay(hour: number, minute: number, second: number): boolean {
  return hour <= 23 && minute <= 59 && second <= 60;
}
