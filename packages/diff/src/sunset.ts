/**
 * Reads an `x-sunset` value: an RFC 3339 full-date (`2025-06-30`), a date-time, or
 * an HTTP-date (`Mon, 30 Jun 2025 00:00:00 GMT`). Returns the day as YYYY-MM-DD in
 * UTC, or null when the value is not a real date (2025-02-30 is not).
 */
export function parseSunset(value: unknown): string | null {
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return null;
  const text = value.trim();
  const fullDate = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (fullDate) {
    const [year, month, day] = fullDate.slice(1).map(Number) as [number, number, number];
    const date = new Date(Date.UTC(year, month - 1, day));
    const valid =
      date.getUTCFullYear() === year &&
      date.getUTCMonth() === month - 1 &&
      date.getUTCDate() === day;
    return valid ? text : null;
  }
  const isDateTime = /^\d{4}-\d{2}-\d{2}T/.test(text);
  const isHttpDate = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(text);
  if (!isDateTime && !isHttpDate) return null;
  const time = Date.parse(text);
  return Number.isNaN(time) ? null : new Date(time).toISOString().slice(0, 10);
}
