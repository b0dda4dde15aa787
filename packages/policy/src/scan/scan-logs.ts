import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';

import { describeSystemError, SpecgateError } from '@specgate/core';

import type { TrafficReport } from '../traffic-report.js';
import { parseAlbLine } from './alb-format.js';
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
// TODO: the target of 1 million lines per second per core is not met: 220,000 to 290,000 lines
// per CPU second were measured on a 2-core machine at load 10 to 13 (docs/benchmarks.md). The
// per-line map lookups (target cache, client counts) cost most.
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
  const input = createReadStream(file, { highWaterMark: 1 << 20 });
  const stream = gzip ? input.pipe(createGunzip()) : input;
  // Lines stay in one-byte-per-character form until the report, see toByteString.
  const decoder = new StringDecoder('latin1');
  const record = emptyRecord();
  let parser: LineParser | null = null;
  let rest = '';
  const handle = (line: string): void => {
    if (line === '') return;
    if (parser === null) {
      const format = options.format === 'auto' ? detectFormat(line) : options.format;
      if (format === 'csv') {
        // The first line of a row file is its header, which names the columns.
        parser = rowParserFor(line, file);
        return;
      }
      parser = lineParserFor(format, options);
    }
    aggregate.lines += 1;
    if (parser(line, record)) aggregate.add(record);
    else aggregate.addMalformed(line);
  };
  try {
    for await (const chunk of stream) {
      const text = rest + decoder.write(chunk as Buffer);
      let start = 0;
      let end = text.indexOf('\n');
      while (end >= 0) {
        const lineEnd = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
        handle(text.slice(start, lineEnd));
        start = end + 1;
        end = text.indexOf('\n', start);
      }
      rest = text.slice(start);
    }
  } catch (error) {
    throw new SpecgateError(
      'PARSE_ERROR',
      `${file}: cannot read the log (${(error as Error).message}). Check that the file is plain text or complete gzip.`,
      { file, cause: error },
    );
  }
  const last = rest + decoder.end();
  handle(last.endsWith('\r') ? last.slice(0, -1) : last);
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
  if (/^(https?|h2|grpcs|wss?) \d{4}-\d{2}-\d{2}T/.test(line)) return 'alb';
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
