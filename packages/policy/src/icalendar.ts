import { createHash } from 'node:crypto';

import type { SunsetEntry, SunsetReport } from './sunset-report.js';

/**
 * Renders the sunset dates as an iCalendar file (RFC 5545) owners can subscribe to:
 * one all-day event per element with a sunset date. Lines end in CRLF and are folded
 * at 75 octets; UIDs are derived from the API and element, so a re-published file
 * updates events instead of duplicating them. DTSTAMP is the report day at 00:00 UTC,
 * which keeps the output reproducible.
 */
export function renderSunsetIcs(report: SunsetReport): string {
  const stamp = `${compact(report.today)}T000000Z`;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//specgate//sunset report//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'X-WR-CALNAME:API sunsets',
  ];
  for (const entry of report.entries) {
    if (entry.sunset !== null) lines.push(...eventLines(entry, entry.sunset, stamp));
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}

function eventLines(entry: SunsetEntry, sunset: string, stamp: string): string[] {
  const uid = createHash('sha256').update(`${entry.api}\0${entry.element}`).digest('hex');
  const details = [
    `${entry.element} of the ${entry.api} API reaches its sunset and may be removed.`,
    entry.deprecatedAt ? `Deprecated on ${entry.deprecatedAt}.` : '',
    entry.replacedBy ? `Replaced by ${entry.replacedBy}.` : '',
    entry.migrationGuide ? `Migration guide: ${entry.migrationGuide}` : '',
    `Source: ${entry.location.file}:${entry.location.line}`,
  ].filter(Boolean);
  return [
    'BEGIN:VEVENT',
    `UID:${uid.slice(0, 32)}@specgate`,
    `DTSTAMP:${stamp}`,
    `DTSTART;VALUE=DATE:${compact(sunset)}`,
    `DTEND;VALUE=DATE:${compact(nextDay(sunset))}`,
    `SUMMARY:${escapeText(`Sunset: ${entry.element} (${entry.api})`)}`,
    `DESCRIPTION:${escapeText(details.join('\n'))}`,
    ...(entry.migrationGuide && /^https?:\/\//.test(entry.migrationGuide)
      ? [`URL:${entry.migrationGuide}`]
      : []),
    'TRANSP:TRANSPARENT',
    'END:VEVENT',
  ];
}

function compact(date: string): string {
  return date.replace(/-/g, '');
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** Escapes a TEXT value: backslash, semicolon, comma and newline. */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r?\n/g, '\\n');
}

/**
 * Folds a content line so no physical line exceeds 75 octets, as RFC 5545 section
 * 3.1 requires: continuation lines start with one space. A UTF-8 character is never
 * split across lines.
 */
export function fold(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const character of line) {
    const size = Buffer.byteLength(character, 'utf8');
    if (octets + size > 75) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += character;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n');
}
