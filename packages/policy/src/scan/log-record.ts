import type { ClientIdentity } from './identity.js';

/**
 * One request read from a log line. Parsers fill one reused instance per file, so
 * reading millions of lines allocates no record objects.
 */
export interface LogRecord extends ClientIdentity {
  method: string;
  /** The request target: a path, possibly with a query, or an absolute URL (ALB). */
  target: string;
  /** Request time in epoch milliseconds, or NaN when the line has none. */
  time: number;
  /** Number of requests the record stands for: 1 for log lines, the count for aggregated rows. */
  count: number;
  /** First request time of an aggregated row; NaN for a log line, whose only time is `time`. */
  firstTime: number;
}

/** Returns a blank record to be filled by a parser. */
export function emptyRecord(): LogRecord {
  return {
    method: '',
    target: '',
    time: Number.NaN,
    client: '',
    clientSource: 'none',
    count: 1,
    firstTime: Number.NaN,
  };
}

/** Fills `record` from one line; returns false when the line is malformed. */
export type LineParser = (line: string, record: LogRecord) => boolean;

/**
 * Copies a string sliced from a log chunk. V8 keeps a slice pointing into its parent,
 * so a slice kept as a map key would keep the whole megabyte chunk it came from alive.
 */
export function ownCopy(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

const NON_ASCII = /[^\x00-\x7f]/;

/**
 * Logs are decoded as latin1, one character per byte, because that is about a third
 * cheaper than UTF-8 decoding and every delimiter the parsers look for is ASCII. Text
 * parsed some other way (JSON lines) is turned into the same one-byte-per-character
 * form, so equal identities are equal map keys whatever the format.
 */
export function toByteString(text: string): string {
  return NON_ASCII.test(text) ? Buffer.from(text, 'utf8').toString('latin1') : text;
}

/** Turns a one-byte-per-character string back into the UTF-8 text it encodes. */
export function fromByteString(text: string): string {
  return NON_ASCII.test(text) ? Buffer.from(text, 'latin1').toString('utf8') : text;
}
