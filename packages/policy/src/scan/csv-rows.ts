import { parseAnyTime } from './clf-time.js';
import { identify } from './identity.js';
import { fromByteString, toByteString, type LineParser } from './log-record.js';

/** Columns of a pre-aggregated row file; `first_seen` is optional. */
const REQUIRED = ['method', 'path', 'client', 'count', 'last_seen'] as const;

/**
 * Builds a parser for pre-aggregated rows exported from a log warehouse: a CSV file
 * whose header names `method, path, client, count, last_seen` (any order, optional
 * `first_seen`). The client column is used unchanged as the client's identity.
 * Fields may be double-quoted with `""` escapes.
 */
export function csvRowParser(header: string): LineParser | null {
  const names = splitCsv(header).map((name) => name.trim().toLowerCase());
  if (!REQUIRED.every((name) => names.includes(name))) return null;
  const column = (name: string) => names.indexOf(name);
  const [method, path, client, count, lastSeen] = REQUIRED.map(column) as number[];
  const firstSeen = column('first_seen');
  return (line, record) => {
    const cells = splitCsv(fromByteString(line)).map(toByteString);
    const requests = Number(cells[count as number]);
    if (cells.length < names.length || !Number.isInteger(requests) || requests < 0) return false;
    record.method = (cells[method as number] ?? '').toUpperCase();
    record.target = cells[path as number] ?? '';
    identify(record, cells[client as number] ?? '', '', '', '');
    record.count = requests;
    record.time = parseAnyTime(cells[lastSeen as number]);
    const first = firstSeen < 0 ? Number.NaN : parseAnyTime(cells[firstSeen]);
    record.firstTime = first;
    return record.method !== '' && record.target !== '' && !Number.isNaN(record.time);
  };
}

/** Splits one CSV line (RFC 4180 quoting, no embedded newlines). */
export function splitCsv(line: string): string[] {
  const cells: string[] = [];
  let current = '';
  let quoted = false;
  for (let index = 0; index < line.length; index += 1) {
    const character = line[index] as string;
    if (quoted) {
      if (character === '"' && line[index + 1] === '"') {
        current += '"';
        index += 1;
      } else if (character === '"') quoted = false;
      else current += character;
    } else if (character === '"') quoted = true;
    else if (character === ',') {
      cells.push(current);
      current = '';
    } else current += character;
  }
  cells.push(current);
  return cells;
}
