import { ABSENT, ByteKeyTable } from './byte-key-table.js';
import {
  indexOfAnyOf3,
  indexOfAnyOf4,
  indexOfByte,
  indexOfByteNear,
  indexOfEither,
  repeated,
} from './byte-search.js';
import { parseClfTime } from './clf-time.js';
import type { OperationMatcher } from './operation-matcher.js';
import {
  SOURCE_API_KEY,
  SOURCE_IP,
  SOURCE_USER_AGENT,
  type TrafficAggregate,
} from './traffic-aggregate.js';

const SPACE = 32;
const QUOTE = 34;
const HASH = 35;
const DASH = 45;
const SLASH = 47;
const QUESTION = 63;
const OPEN_BRACKET = 91;
const BACKSLASH = 92;
const CLOSE_BRACKET = 93;

/** Search patterns of `byte-search.ts`: each delimiter in all four bytes of a word. */
const SPACES = repeated(SPACE);
const QUOTES = repeated(QUOTE);
const HASHES = repeated(HASH);
const SLASHES = repeated(SLASH);
const QUESTIONS = repeated(QUESTION);

/** Bounds of the match and client caches. Each clears all its keys when it is full. */
const MATCH_CACHE_LIMIT = 100_000;
const CLIENT_CACHE_LIMIT = 1 << 20;
const MAX_TIME_LENGTH = 64;

/** Results of `findProductToken`. */
const TOKEN_FOUND = 1;
const NO_TOKEN = 0;
const FALL_BACK = -1;

/**
 * Counts combined-format lines straight from the bytes of the log, without a string per
 * line: the request (method and path without query) and the client are looked up in
 * byte-keyed caches, and the time is parsed again only when its text changes.
 *
 * It reads the common shape of a line with the rules of `combinedParser`, and leaves
 * every other line (escaped quotes, absolute URLs, malformed lines) to that parser by
 * returning false, so both ways give the same result.
 */
export class CombinedByteScanner {
  private readonly matches = new ByteKeyTable(MATCH_CACHE_LIMIT);
  private readonly clients = new ByteKeyTable(CLIENT_CACHE_LIMIT);
  private readonly lastTimeText = new Uint8Array(MAX_TIME_LENGTH);
  private readonly lastTimeView = new DataView(this.lastTimeText.buffer);
  private lastTimeLength = -1;
  private lastTime = Number.NaN;
  /** The User-Agent product token that findProductToken found. */
  private tokenStart = 0;
  private tokenEnd = 0;
  /** The request that readRequest read. */
  private pathEnd = 0;
  private targetEnd = 0;
  private requestEnd = 0;
  /** The last buffer passed in and a view of it. */
  private source: Uint8Array | null = null;
  private sourceView: DataView<ArrayBufferLike> = new DataView(new ArrayBuffer(0));

  constructor(
    private readonly matcher: OperationMatcher,
    private readonly aggregate: TrafficAggregate,
  ) {}

  /**
   * Counts the line `bytes[start, end)` and returns true, or returns false to leave the
   * line to the string parser.
   */
  scan(bytes: Buffer, start: number, end: number): boolean {
    if (bytes !== this.source) {
      this.source = bytes;
      this.sourceView = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    }
    const view = this.sourceView;
    const ipEnd = indexOfByte(view, SPACE, SPACES, start, end);
    if (ipEnd <= start) return false;
    const identEnd = indexOfByte(view, SPACE, SPACES, ipEnd + 1, end);
    // An empty user field (` [` right after the ident) is left to the string parser.
    if (identEnd < 0 || bytes[identEnd + 1] === OPEN_BRACKET) return false;
    const userStart = identEnd + 1;
    const userEnd = this.findUserEnd(bytes, userStart, end);
    if (userEnd < 0) return false;

    const timeEnd = this.readTime(bytes, userEnd + 2, end);
    // A time that is not a date is left to the string parser, which counts it as malformed.
    if (timeEnd < 0 || Number.isNaN(this.lastTime)) return false;
    const requestStart = timeEnd + 3;
    if (!this.readRequest(bytes, requestStart, end)) return false;

    const operation = this.matchRequest(bytes, requestStart);
    if (operation < 0) {
      this.countUnmatched(bytes, requestStart, this.targetEnd);
      return true;
    }

    let clientStart = userStart;
    let clientEnd = userEnd;
    let source = SOURCE_API_KEY;
    if (userEnd - userStart === 1 && bytes[userStart] === DASH) {
      const token = this.findProductToken(bytes, this.requestEnd + 2, end);
      if (token === FALL_BACK) return false;
      if (token === TOKEN_FOUND) {
        clientStart = this.tokenStart;
        clientEnd = this.tokenEnd;
        source = SOURCE_USER_AGENT;
      } else {
        clientStart = start;
        clientEnd = ipEnd;
        source = SOURCE_IP;
      }
    }
    const client = this.clientNumber(bytes, clientStart, clientEnd);
    this.aggregate.addRequests(operation, client, source, 1, this.lastTime, this.lastTime);
    return true;
  }

  /** Returns the index of the first ` [` in `bytes[from, end)`, or -1. */
  private findUserEnd(bytes: Buffer, from: number, end: number): number {
    const view = this.sourceView;
    let index = indexOfByte(view, SPACE, SPACES, from, end - 1);
    while (index >= 0 && bytes[index + 1] !== OPEN_BRACKET) {
      index = indexOfByte(view, SPACE, SPACES, index + 1, end - 1);
    }
    return index;
  }

  /**
   * Finds the `] "` that ends the time field starting at `start`, sets lastTime to the
   * time and returns the index of the `]`, or -1. A time whose text equals the last one
   * is neither searched nor parsed: the same bytes end the same way.
   */
  private readTime(bytes: Buffer, start: number, end: number): number {
    const length = this.lastTimeLength;
    const timeEnd = start + length;
    if (
      length > 0 &&
      timeEnd + 2 < end &&
      bytes[timeEnd] === CLOSE_BRACKET &&
      bytes[timeEnd + 1] === SPACE &&
      bytes[timeEnd + 2] === QUOTE &&
      this.sameTimeText(bytes, start, length)
    ) {
      return timeEnd;
    }
    const found = indexOfTimeEnd(bytes, start, end);
    if (found < 0) return -1;
    this.lastTime = parseClfTime(latin1(bytes, start, found));
    if (found - start <= MAX_TIME_LENGTH) {
      this.lastTimeText.set(bytes.subarray(start, found));
      this.lastTimeLength = found - start;
    } else {
      this.lastTimeLength = -1;
    }
    return found;
  }

  /** Compares the time text at `start` with the last one, four bytes at a time. */
  private sameTimeText(bytes: Buffer, start: number, length: number): boolean {
    const view = this.sourceView;
    const last = this.lastTimeView;
    let offset = length - 4;
    for (; offset >= 0; offset -= 4) {
      if (last.getInt32(offset, true) !== view.getInt32(start + offset, true)) return false;
    }
    for (offset += 3; offset >= 0; offset -= 1) {
      if (last.getUint8(offset) !== view.getUint8(start + offset)) return false;
    }
    return true;
  }

  /**
   * Reads `METHOD target PROTOCOL"` from `start`, and sets pathEnd (where the target is
   * cut at `?`), targetEnd and requestEnd. Returns false for a line the string parser
   * has to read: a target that is not an absolute path or has a fragment, an escaped
   * quote, a malformed request.
   */
  private readRequest(bytes: Buffer, start: number, end: number): boolean {
    const view = this.sourceView;
    let index = indexOfEither(view, SPACES, QUOTES, start, end);
    if (index <= start || bytes[index] !== SPACE) return false;
    const targetStart = index + 1;
    if (bytes[targetStart] !== SLASH) return false;
    // The path ends at a space, a quote, `?` or `#`.
    index = indexOfAnyOf4(view, SPACES, QUOTES, QUESTIONS, HASHES, targetStart, end);
    if (index < 0 || bytes[index] === HASH) return false;
    this.pathEnd = index;
    if (bytes[index] === QUESTION) index = indexOfEither(view, SPACES, QUOTES, index + 1, end);
    if (index < 0) return false;
    this.targetEnd = index;
    const requestEnd =
      bytes[index] === QUOTE ? index : indexOfByte(view, QUOTE, QUOTES, index, end);
    if (requestEnd < 0 || bytes[requestEnd - 1] === BACKSLASH) return false;
    if (requestEnd + 1 >= end || bytes[requestEnd + 1] !== SPACE) return false;
    this.requestEnd = requestEnd;
    return true;
  }

  /** Returns the operation of the request readRequest read, cached by `METHOD path`. */
  private matchRequest(bytes: Buffer, requestStart: number): number {
    const pathEnd = this.pathEnd;
    let index = this.matches.lookup(bytes, requestStart, pathEnd);
    if (index === ABSENT) {
      const request = latin1(bytes, requestStart, pathEnd);
      const space = request.indexOf(' ');
      index = this.matcher.matchPath(request.slice(0, space), request.slice(space + 1));
      this.matches.add(bytes, requestStart, pathEnd, index);
    }
    return index;
  }

  private countUnmatched(bytes: Buffer, requestStart: number, targetEnd: number): void {
    if (!this.aggregate.wantsUnmatchedExample()) {
      this.aggregate.addUnmatched(1, '', '');
      return;
    }
    const request = latin1(bytes, requestStart, targetEnd);
    const space = request.indexOf(' ');
    this.aggregate.addUnmatched(1, request.slice(0, space), request.slice(space + 1));
  }

  /**
   * Skips status, bytes and referer, and finds the first `name/version` token of the
   * user agent with the rules of `productTokenAt`. Returns FALL_BACK at an escaped quote.
   */
  private findProductToken(bytes: Buffer, from: number, end: number): number {
    const view = this.sourceView;
    const refererStart = indexOfByte(view, QUOTE, QUOTES, from, end);
    if (refererStart < 0) return NO_TOKEN;
    // The referer is `-` or a URL, which can be long.
    const refererEnd = indexOfByteNear(bytes, view, QUOTE, QUOTES, refererStart + 1, end);
    if (refererEnd < 0) return NO_TOKEN;
    if (bytes[refererEnd - 1] === BACKSLASH) return FALL_BACK;
    if (refererEnd + 2 >= end || bytes[refererEnd + 2] !== QUOTE) return NO_TOKEN;
    const agentStart = refererEnd + 3;
    let slash = -1;
    let index = indexOfAnyOf3(view, SPACES, QUOTES, SLASHES, agentStart, end);
    if (index >= 0 && bytes[index] === SLASH) {
      slash = index;
      index = indexOfEither(view, SPACES, QUOTES, slash + 1, end);
    }
    if (index < 0) index = end;
    const tokenEnd = index;
    // The rest of a browser's User-Agent is long. The byte at `end` is not part of the line.
    const agentEnd =
      index < end && bytes[index] === QUOTE
        ? index
        : indexOfByteNear(bytes, view, QUOTE, QUOTES, index, end);
    if (agentEnd <= agentStart) return NO_TOKEN;
    if (bytes[agentEnd - 1] === BACKSLASH) return FALL_BACK;
    if (slash <= agentStart || slash >= tokenEnd - 1) return NO_TOKEN;
    this.tokenStart = agentStart;
    this.tokenEnd = tokenEnd;
    return TOKEN_FOUND;
  }

  private clientNumber(bytes: Buffer, start: number, end: number): number {
    let client = this.clients.lookup(bytes, start, end);
    if (client === ABSENT) {
      client = this.aggregate.clientNumber(latin1(bytes, start, end));
      this.clients.add(bytes, start, end, client);
    }
    return client;
  }
}

function latin1(bytes: Buffer, start: number, end: number): string {
  return bytes.toString('latin1', start, end);
}

/** Index of `] "` in `bytes[from, end)`, or -1. */
function indexOfTimeEnd(bytes: Uint8Array, from: number, end: number): number {
  for (let index = from; index + 2 < end; index += 1) {
    if (
      bytes[index] === CLOSE_BRACKET &&
      bytes[index + 1] === SPACE &&
      bytes[index + 2] === QUOTE
    ) {
      return index;
    }
  }
  return -1;
}
