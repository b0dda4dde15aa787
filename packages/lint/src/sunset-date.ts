const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|[+-](\d{2}):(\d{2}))$/;
const IMF_FIXDATE =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) ([A-Z][a-z]{2}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/**
 * True when `value` is a date a `Sunset` header or `x-sunset` field can carry: an RFC 3339
 * full-date (`2026-06-30`), an RFC 3339 date-time (`2026-06-30T00:00:00Z`), or an HTTP-date in
 * the IMF-fixdate form of RFC 9110 (`Tue, 30 Jun 2026 00:00:00 GMT`). Calendar dates must exist,
 * so `2025-02-30` is rejected, and an HTTP-date's weekday must match its date.
 */
export function isSunsetDate(value: string): boolean {
  return isFullDate(value) || isDateTime(value) || isImfFixdate(value);
}

function isFullDate(value: string): boolean {
  const match = FULL_DATE.exec(value);
  return match !== null && isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

function isDateTime(value: string): boolean {
  const match = DATE_TIME.exec(value);
  if (match === null) return false;

  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
  const offsetHour = Number(match[7] ?? 0);
  const offsetMinute = Number(match[8] ?? 0);
  return (
    isCalendarDate(year ?? 0, month ?? 0, day ?? 0) &&
    isTimeOfDay(hour ?? 0, minute ?? 0, second ?? 0) &&
    offsetHour <= 23 &&
    offsetMinute <= 59
  );
}

function isImfFixdate(value: string): boolean {
  const match = IMF_FIXDATE.exec(value);
  if (match === null) return false;

  const [, weekday, dayText, monthName, yearText, hour, minute, second] = match;
  const month = MONTHS.indexOf(monthName ?? '') + 1;
  const year = Number(yearText);
  const day = Number(dayText);
  if (!isCalendarDate(year, month, day)) return false;
  if (!isTimeOfDay(Number(hour), Number(minute), Number(second))) return false;
  return weekdayOf(year, month, day) === weekday;
}

/** True when the day exists in that month, leap years included. */
function isCalendarDate(year: number, month: number, day: number): boolean {
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

function weekdayOf(year: number, month: number, day: number): string | undefined {
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0-99 to 1900-1999.
  date.setUTCFullYear(year, month - 1, day);
  return WEEKDAYS[date.getUTCDay()];
}

/** Second 60 is allowed because RFC 3339 and RFC 9110 both permit a leap second. */
function isTimeOfDay(hour: number, minute: number, second: number): boolean {
  return hour <= 23 && minute <= 59 && second <= 60;
}
