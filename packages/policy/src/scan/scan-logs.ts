import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';

import { describeSystemError, SpecgateError } from '@specgate/core';

import type { TrafficReport } from '../traffic-report.js';
import { ALB_LINE_START, parseAlbLine } from './alb-format.js';
import { CombinedByteScanner } from './combined-bytes.js';
import { combinedParser } from './combined-format.js';
import { csvRowParser } from './csv-rows.js';
import {
  API_GATEWAY_FIELD_MAP,
  DEFAULT_FIELD_MAP,
  jsonParser,
  type FieldMap,
} from './json-format.js';
import { emptyRecord, type LineParser } from './log-record.js';
import type { OperationMatcher } from './operation-matcher.js';
import { TrafficAggregate } from './traffic-aggregate.js';

const NEWLINE = 10;
const CARRIAGE_RETURN = 13;
/** Bytes read from a plain log at a time. */
const READ_SIZE = 1 << 20;

/** Log formats `scan` reads; `auto` picks one per file from its first line. */
export const LOG_FORMATS = ['auto', 'combined', 'json', 'alb', 'apigw', 'csv'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

/** Options of a scan. */
export interface ScanOptions {
  matcher: OperationMatcher;
  format: LogFormat;
  /** Field paths for JSON lines, merged over the defaults. */
  fields?: Partial<FieldMap>;
  /** The day days-to-sunset are counted from. */
  today: string;
}

/**
 * Streams log files (plain or gzip, detected by magic bytes) line by line, matches
 * each request to its operation and aggregates per operation and client. Malformed
 * lines are counted with examples, never fatal.
 */
export async function scanLogs(
  files: readonly string[],
  options: ScanOptions,
): Promise<TrafficReport> {
  const aggregate = new TrafficAggregate(options.matcher);
  for (const file of files) await scanFile(file, options, aggregate);
  return aggregate.report(options.today);
}

async function scanFile(
  file: string,
  options: ScanOptions,
  aggregate: TrafficAggregate,
): Promise<void> {
  const gzip = await isGzip(file);
  const record = emptyRecord();
  let parser: LineParser | null = null;
  let scanner: CombinedByteScanner | null = null;
  // Lines stay bytes, or one-byte-per-character (latin1) strings, until the report; see
  // toByteString. Combined lines are mostly counted from the bytes by the scanner.
  const handle = (bytes: Buffer, start: number, end: number): void => {
    if (end === start) return;
    if (parser === null) {
      const first = bytes.toString('latin1', start, end);
      const format = options.format === 'auto' ? detectFormat(first) : options.format;
      if (format === 'csv') {
        // The first line of a row file is its header, which names the columns.
        parser = rowParserFor(first, file);
        return;
      }
      parser = lineParserFor(format, options);
      if (format === 'combined') scanner = new CombinedByteScanner(options.matcher, aggregate);
    }
    aggregate.lines += 1;
    if (scanner !== null && scanner.scan(bytes, start, end)) return;
    const line = bytes.toString('latin1', start, end);
    if (parser(line, record)) aggregate.add(record);
    else aggregate.addMalformed(line);
  };
  try {
    if (gzip) await splitChunks(createReadStream(file).pipe(createGunzip()), handle);
    else splitPlainFile(file, handle);
  } catch (error) {
    throw new SpecgateError(
      'PARSE_ERROR',
      `${file}: cannot read the log (${(error as Error).message}). Check that the file is plain text or complete gzip.`,
      { file, cause: error },
    );
  }
}

type LineHandler = (bytes: Buffer, start: number, end: number) => void;

/** Passes each line of `bytes[start, end)` to `handle`; returns where the unfinished last line starts. */
function splitLines(bytes: Buffer, start: number, end: number, handle: LineHandler): number {
  let newline = bytes.indexOf(NEWLINE, start);
  while (newline >= 0 && newline < end) {
    handle(
      bytes,
      start,
      newline > start && bytes[newline - 1] === CARRIAGE_RETURN ? newline - 1 : newline,
    );
    start = newline + 1;
    newline = bytes.indexOf(NEWLINE, start);
  }
  return start;
}

function handleLast(bytes: Buffer, start: number, end: number, handle: LineHandler): void {
  handle(bytes, start, end > start && bytes[end - 1] === CARRIAGE_RETURN ? end - 1 : end);
}

/**
 * Reads a plain file into one buffer that is used again for every read, moving the unfinished
 * last line to its start. Allocating a buffer per chunk cost more garbage collection than the
 * rest of the reading.
 */
function splitPlainFile(file: string, handle: LineHandler): void {
  const descriptor = openSync(file, 'r');
  try {
    let buffer = Buffer.allocUnsafe(READ_SIZE);
    let carried = 0;
    for (;;) {
      // A line longer than the buffer makes it grow.
      if (carried === buffer.length) {
        const larger = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(larger, 0, 0, carried);
        buffer = larger;
      }
      const read = readSync(descriptor, buffer, carried, buffer.length - carried, null);
      if (read === 0) break;
      const end = carried + read;
      const rest = splitLines(buffer, 0, end, handle);
      buffer.copyWithin(0, rest, end);
      carried = end - rest;
    }
    handleLast(buffer, 0, carried, handle);
  } finally {
    closeSync(descriptor);
  }
}

/** Splits the chunks of a stream (a gunzipped file) into lines. */
async function splitChunks(stream: AsyncIterable<Buffer>, handle: LineHandler): Promise<void> {
  let rest: Buffer = Buffer.alloc(0);
  for await (const bytes of stream) {
    let start = 0;
    if (rest.length > 0) {
      // Only the line cut by the chunk boundary is copied, not the whole chunk.
      const first = bytes.indexOf(NEWLINE);
      rest = Buffer.concat([rest, first < 0 ? bytes : bytes.subarray(0, first + 1)]);
      if (first < 0) continue;
      handleLast(rest, 0, rest.length - 1, handle);
      start = first + 1;
    }
    rest = bytes.subarray(splitLines(bytes, start, bytes.length, handle));
  }
  handleLast(rest, 0, rest.length, handle);
}

function lineParserFor(
  format: Exclude<LogFormat, 'auto' | 'csv'>,
  options: ScanOptions,
): LineParser {
  switch (format) {
    case 'combined':
      return combinedParser();
    case 'alb':
      return parseAlbLine;
    case 'json':
      return jsonParser({ ...DEFAULT_FIELD_MAP, ...options.fields });
    case 'apigw':
      return jsonParser({ ...API_GATEWAY_FIELD_MAP, ...options.fields });
  }
}

function rowParserFor(header: string, file: string): LineParser {
  const parser = csvRowParser(header);
  if (parser) return parser;
  throw new SpecgateError(
    'PARSE_ERROR',
    `${file}:1: the CSV header must name the columns method, path, client, count and last_seen. Add or fix the header line.`,
    { file },
  );
}

/** Guesses the format of a file from its first line. */
export function detectFormat(line: string): Exclude<LogFormat, 'auto'> {
  if (line.startsWith('{')) {
    return /"(resourcePath|routeKey|httpMethod)"/.test(line) ? 'apigw' : 'json';
  }
  if (ALB_LINE_START.test(line)) return 'alb';
  if (/^\s*"?method"?\s*,/i.test(line)) return 'csv';
  return 'combined';
}

async function isGzip(file: string): Promise<boolean> {
  const handle = await open(file, 'r').catch((error: NodeJS.ErrnoException) => {
    throw new SpecgateError(
      'FILE_NOT_FOUND',
      `${file}: cannot open the log (${describeSystemError(error)}). Check the path.`,
      { file, cause: error },
    );
  });
  try {
    if ((await handle.stat()).isDirectory()) {
      throw new SpecgateError(
        'FILE_NOT_FOUND',
        `${file}: is a directory, not a log. Pass the log files in it, e.g. ${file}/access.log.`,
        { file },
      );
    }
    const buffer = Buffer.alloc(2);
    const { bytesRead } = await handle.read(buffer, 0, 2, 0);
    return bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b;
  } finally {
    await handle.close();
  }
}
