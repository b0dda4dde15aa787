const MONTHS: Record<string, number> = {
  Jan: 0,
  Feb: 1,
  Mar: 2,
  Apr: 3,
  May: 4,
  Jun: 5,
  Jul: 6,
  Aug: 7,
  Sep: 8,
  Oct: 9,
  Nov: 10,
  Dec: 11,
};

/**
 * Parses a Common Log Format time, `10/Oct/2026:13:55:36 -0700`, to epoch milliseconds;
 * NaN when it is not one. Log lines arrive in time order, so the caller caches the
 * last value: consecutive lines usually share the same second.
 */
export function parseClfTime(text: string): number {
  if (text.length < 26 || text.charCodeAt(2) !== 47 || text.charCodeAt(6) !== 47) return Number.NaN;
  const month = MONTHS[text.slice(3, 6)];
  if (month === undefined) return Number.NaN;
  const day = Number(text.slice(0, 2));
  const year = Number(text.slice(7, 11));
  const hour = Number(text.slice(12, 14));
  const minute = Number(text.slice(15, 17));
  const second = Number(text.slice(18, 20));
  const sign = text.charCodeAt(21) === 45 ? -1 : 1;
  const offset = sign * (Number(text.slice(22, 24)) * 60 + Number(text.slice(24, 26)));
  const utc = Date.UTC(year, month, day, hour, minute, second) - offset * 60_000;
  return Number.isNaN(utc) ? Number.NaN : utc;
}

/** Parses any time a log may carry: epoch seconds or milliseconds, ISO 8601, or CLF. */
export function parseAnyTime(value: unknown): number {
  if (typeof value === 'number') return value > 1e11 ? value : value * 1000;
  if (typeof value !== 'string' || value === '') return Number.NaN;
  if (/^\d+(\.\d+)?$/.test(value)) return parseAnyTime(Number(value));
  const clf = parseClfTime(value);
  return Number.isNaN(clf) ? Date.parse(value) : clf;
}
