import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { SpecgateError } from './errors.js';
import type { Location } from './finding.js';
import { getAtPointer, parsePointer, toPointer } from './pointer.js';
import { readSourceFile, SourceFile } from './source-file.js';

/** The OpenAPI versions specgate analyses; Swagger 2.0 is read through a 3.x view. */
export type OpenApiVersion = '2.0' | '3.0' | '3.1';

/** The place of a node in a spec: the file it is written in and its pointer there. */
export interface NodeRef {
  file: SourceFile;
  pointer: string;
}

/** Reads spec files: from disk by default, or from a git revision. */
export interface SourceReader {
  read(absolutePath: string): Promise<SourceFile>;
}

/** Options for loading a spec. */
export interface LoadOptions {
  /** Follow `http(s)://` references. Off by default: such refs are rejected. */
  allowRemote?: boolean;
  /** Reads the files; defaults to the file system with paths shown relative to `cwd`. */
  reader?: SourceReader;
  /** Directory display paths are relative to; default the process's working directory is not read here, so pass it. */
  cwd?: string;
}

/** A loaded spec: its root file, every file its `$ref`s reach, and its OpenAPI version. */
export class SpecDocument {
  readonly rootFile: SourceFile;
  readonly files: ReadonlyMap<string, SourceFile>;
  readonly version: OpenApiVersion;
  /** The `openapi` or `swagger` field as written. */
  readonly versionText: string;
  private readonly resolved = new Map<string, NodeRef & { value: unknown }>();

  constructor(
    rootFile: SourceFile,
    files: Map<string, SourceFile>,
    version: OpenApiVersion,
    versionText: string,
  ) {
    this.rootFile = rootFile;
    this.files = files;
    this.version = version;
    this.versionText = versionText;
  }

  /** The root document's data. */
  get root(): Record<string, unknown> {
    return this.rootFile.data as Record<string, unknown>;
  }

  /** `info.version`, or null when missing. */
  get apiVersion(): string | null {
    const info = this.root['info'] as Record<string, unknown> | undefined;
    const version = info?.['version'];
    return version === undefined || version === null ? null : String(version);
  }

  /** Follows a `$ref` written in `from`, returning the target node and where it is. */
  resolveRef(ref: string, from: SourceFile): NodeRef & { value: unknown } {
    // Large specs repeat the same few references thousands of times.
    const cacheKey = `${from.path}\0${ref}`;
    const cached = this.resolved.get(cacheKey);
    if (cached) return cached;
    const [filePart, fragment = ''] = splitRef(ref);
    const file = filePart === '' ? from : this.files.get(resolveFilePath(filePart, from.path));
    if (!file) {
      throw new SpecgateError(
        'REF_NOT_FOUND',
        `${from.displayPath}: $ref "${ref}" was not loaded.`,
        {
          file: from.displayPath,
        },
      );
    }
    const pointer = toPointer(parsePointer(`#${fragment}`));
    const target = { file, pointer, value: getAtPointer(file.data, pointer) };
    this.resolved.set(cacheKey, target);
    return target;
  }

  /** Turns a node's place into a location with 1-based line and column. */
  locate(node: NodeRef): Location {
    return locateNode(node);
  }

  /**
   * Returns the place in this document nearest to a location in another version of it: the
   * location's node when this version has it, else its nearest ancestor. Returns null when
   * none of this document's files has the location's path.
   */
  nearestLocation(location: Location): Location | null {
    const file = [...this.files.values()].find(
      (candidate) => candidate.locationPath === location.file,
    );
    if (!file) return null;
    const segments = parsePointer(location.pointer);
    while (segments.length > 0 && getAtPointer(file.data, toPointer(segments)) === undefined)
      segments.pop();
    return locateNode({ file, pointer: toPointer(segments) });
  }
}

/**
 * Turns a node's place into a location with 1-based line and column. A node of a file read
 * from a git revision gets that revision as `ref`.
 */
export function locateNode(node: NodeRef): Location {
  const place = node.file.locate(node.pointer);
  return {
    file: node.file.locationPath,
    ...(node.file.ref === undefined ? {} : { ref: node.file.ref }),
    pointer: node.pointer,
    line: place.line,
    column: place.column,
  };
}

/** Splits `file.yaml#/a/b` into the file part and the fragment. */
export function splitRef(ref: string): [string, string] {
  const hash = ref.indexOf('#');
  return hash === -1 ? [ref, ''] : [ref.slice(0, hash), ref.slice(hash + 1)];
}

/** Turns the file part of a `$ref` written in `fromPath` into the key of `SpecDocument.files`. */
export function resolveFilePath(filePart: string, fromPath: string): string {
  if (/^https?:\/\//.test(filePart)) return filePart;
  if (/^https?:\/\//.test(fromPath)) return new URL(filePart, fromPath).href;
  if (/^file:/i.test(filePart)) {
    try {
      return fileURLToPath(filePart);
    } catch {
      // Not a local file URL (it names a host, say): reading it fails with its path shown.
    }
  }
  return path.resolve(path.dirname(fromPath), decodeURI(filePart));
}

/** Reads the OpenAPI version of a root document, rejecting what specgate cannot analyse. */
export function detectVersion(file: SourceFile): { version: OpenApiVersion; text: string } {
  const data = file.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw notOpenApi(file, 'its top level is not a mapping');
  }
  const record = data as Record<string, unknown>;
  if (record['swagger'] !== undefined) {
    // `swagger: 2.0` unquoted is read as the number 2 by YAML parsers.
    const text = record['swagger'] === 2 ? '2.0' : String(record['swagger']);
    if (text === '2.0') return { version: '2.0', text };
    throw unsupported(file, `swagger: ${text}`);
  }
  if (record['openapi'] === undefined) {
    throw notOpenApi(file, 'it has no "openapi" or "swagger" field');
  }
  if (typeof record['openapi'] !== 'string') {
    throw unsupported(
      file,
      `openapi: ${String(record['openapi'])}, a number`,
      " Quote the value, e.g. openapi: '3.0.3'.",
    );
  }
  const text = record['openapi'];
  if (/^3\.0(\.\d+)?$/.test(text)) return { version: '3.0', text };
  if (/^3\.1(\.\d+)?$/.test(text)) return { version: '3.1', text };
  throw unsupported(file, `openapi: ${text}`);
}

function notOpenApi(file: SourceFile, reason: string): SpecgateError {
  return new SpecgateError(
    'NOT_OPENAPI',
    `${file.displayPath}: not an OpenAPI document (${reason}). Pass an OpenAPI 3.0/3.1 or Swagger 2.0 root file.`,
    { file: file.displayPath },
  );
}

function unsupported(file: SourceFile, found: string, hint = ''): SpecgateError {
  return new SpecgateError(
    'UNSUPPORTED_VERSION',
    `${file.displayPath}: unsupported version (${found}). specgate reads OpenAPI 3.0, 3.1 and Swagger 2.0; convert the document to one of them.${hint}`,
    { file: file.displayPath },
  );
}

/**
 * Loads a spec and every file its `$ref`s reach, checking that each reference
 * resolves, so that analysis never meets a dangling one.
 */
export async function loadSpec(rootPath: string, options: LoadOptions): Promise<SpecDocument> {
  if (rootPath === '') {
    throw new SpecgateError('USAGE', 'a spec path is empty. Pass the path of an OpenAPI file.');
  }
  const remote = /^https?:\/\//.test(rootPath);
  if (remote && !options.allowRemote) {
    throw new SpecgateError(
      'REMOTE_REF',
      `${rootPath}: a spec at a URL is not fetched. Pass --allow-remote to fetch it, or download the file and pass its path.`,
      { file: rootPath },
    );
  }
  const reader = options.reader ?? fileSystemReader(options.cwd ?? path.dirname(rootPath));
  const root = await reader.read(remote ? rootPath : path.resolve(options.cwd ?? '', rootPath));
  const { version, text } = detectVersion(root);
  const files = new Map<string, SourceFile>([[root.path, root]]);
  const pending: SourceFile[] = [root];
  while (pending.length > 0) {
    const file = pending.pop() as SourceFile;
    for (const site of refsOf(file)) {
      await checkRef(site, file, files, pending, reader, options);
    }
  }
  return new SpecDocument(root, files, version, text);
}

/**
 * Lists the `$ref`s of a file. Its walk is the first to go through the whole document, so it
 * is where a document too deep to analyse shows itself, and the file is named here.
 */
function refsOf(file: SourceFile): RefSite[] {
  try {
    return collectRefs(file.data);
  } catch (error) {
    if (!(error instanceof RangeError && /call stack/.test(error.message))) throw error;
    throw new SpecgateError(
      'INVALID_DOCUMENT',
      `${file.displayPath}: the document is nested too deeply to analyse. Flatten it, or move deep parts into components.`,
      { file: file.displayPath, cause: error },
    );
  }
}

interface RefSite {
  ref: string;
  pointer: string;
}

async function checkRef(
  site: RefSite,
  from: SourceFile,
  files: Map<string, SourceFile>,
  pending: SourceFile[],
  reader: SourceReader,
  options: LoadOptions,
): Promise<void> {
  const [filePart, fragment] = splitRef(site.ref);
  let target = from;
  if (filePart !== '') {
    const targetPath = resolveFilePath(filePart, from.path);
    if (/^https?:\/\//.test(targetPath) && !options.allowRemote) {
      const place = from.locate(site.pointer);
      throw new SpecgateError(
        'REMOTE_REF',
        `${from.displayPath}:${place.line}:${place.column}: remote $ref "${site.ref}" is not followed. Pass --allow-remote to fetch it, or vendor the file and use a relative $ref.`,
        { file: from.displayPath },
      );
    }
    const loaded = files.get(targetPath);
    if (loaded) target = loaded;
    else {
      target = await reader.read(targetPath).catch((error: unknown) => {
        const place = from.locate(site.pointer);
        const reason = error instanceof SpecgateError ? error.message : String(error);
        throw new SpecgateError(
          'REF_NOT_FOUND',
          `${from.displayPath}:${place.line}:${place.column}: $ref "${site.ref}" cannot be read (${reason})`,
          { file: from.displayPath, cause: error },
        );
      });
      files.set(targetPath, target);
      pending.push(target);
    }
  }
  const value = getAtPointer(target.data, `#${fragment}`);
  if (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as Record<string, unknown>)['$ref'] === 'string'
  ) {
    checkNotPureCycle(site, from, files);
  }
  if (value === undefined) {
    const place = from.locate(site.pointer);
    throw new SpecgateError(
      'REF_NOT_FOUND',
      `${from.displayPath}:${place.line}:${place.column}: $ref "${site.ref}" points to nothing in ${target.displayPath}. Fix the pointer or add the missing component.`,
      { file: from.displayPath },
    );
  }
}

/** Rejects a chain of `$ref`s that leads back to itself without reaching any content. */
function checkNotPureCycle(site: RefSite, from: SourceFile, files: Map<string, SourceFile>): void {
  const seen = new Set<string>();
  let file = from;
  let ref = site.ref;
  for (;;) {
    const [filePart, fragment] = splitRef(ref);
    const next = filePart === '' ? file : files.get(resolveFilePath(filePart, file.path));
    // A file not read yet is checked when its turn comes.
    if (!next) return;
    const key = `${next.path}#${fragment}`;
    if (seen.has(key)) {
      const place = from.locate(site.pointer);
      throw new SpecgateError(
        'INVALID_DOCUMENT',
        `${from.displayPath}:${place.line}:${place.column}: $ref "${site.ref}" starts a cycle of references with no content in it. Point one of them at a real object.`,
        { file: from.displayPath },
      );
    }
    seen.add(key);
    const value = getAtPointer(next.data, `#${fragment}`) as Record<string, unknown> | undefined;
    if (value === null || typeof value !== 'object' || typeof value['$ref'] !== 'string') return;
    file = next;
    ref = value['$ref'];
  }
}

/**
 * Lists each distinct `$ref` of a file once, at its first place. The same reference is
 * often written thousands of times in one file, so later ones are skipped while walking,
 * before their pointer is built.
 */
function collectRefs(data: unknown): RefSite[] {
  const sites = new Map<string, RefSite>();
  // One shared path stack: the pointer string is only built for a reference met first.
  const segments: (string | number)[] = [];
  const walk = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (let index = 0; index < node.length; index += 1) {
        segments.push(index);
        walk(node[index]);
        segments.pop();
      }
      return;
    }
    const record = node as Record<string, unknown>;
    const ref = record['$ref'];
    if (typeof ref === 'string' && !sites.has(ref)) {
      sites.set(ref, { ref, pointer: toPointer([...segments, '$ref']) });
    }
    for (const key in record) {
      if (isExampleData(key, record[key], segments)) continue;
      segments.push(key);
      walk(record[key]);
      segments.pop();
    }
  };
  walk(data);
  return [...sites.values()];
}

/** Maps whose keys are names chosen by the author, not keywords. */
const NAME_MAPS = new Set(['properties', 'patternProperties', 'definitions', '$defs', 'schemas']);

/**
 * Tells example values, which are data and may contain a `$ref` key of their own,
 * from references: a property named `example`, or an Example Object in an
 * `examples` map, may still hold real references.
 */
function isExampleData(
  key: string,
  value: unknown,
  parents: readonly (string | number)[],
): boolean {
  const parent = parents[parents.length - 1];
  if (typeof parent === 'string' && NAME_MAPS.has(parent)) return false;
  if (key === 'example' || key === 'x-example' || key === 'x-examples') return true;
  if (key === 'examples' && Array.isArray(value)) return true;
  // The `value` of an Example Object (an entry of an `examples` map) is data.
  return key === 'value' && parents[parents.length - 2] === 'examples';
}

/** Reads files from disk, showing paths relative to `cwd`. */
export function fileSystemReader(cwd: string): SourceReader {
  return {
    async read(absolutePath: string): Promise<SourceFile> {
      if (/^https?:\/\//.test(absolutePath)) return readRemote(absolutePath);
      return readSourceFile(absolutePath, displayPathOf(absolutePath, cwd));
    },
  };
}

/** How long a remote `$ref` may take to arrive. */
const REMOTE_TIMEOUT_MS = 30_000;

async function readRemote(url: string): Promise<SourceFile> {
  const response = await fetch(url, { signal: AbortSignal.timeout(REMOTE_TIMEOUT_MS) }).catch(
    (error: unknown) => {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const reason = cause?.code ?? cause?.message ?? (error as Error).message ?? String(error);
      throw new SpecgateError(
        'REF_NOT_FOUND',
        `${url}: fetch failed (${reason}). Check the URL, or vendor the file and use a relative $ref.`,
        {
          file: url,
          cause: error,
        },
      );
    },
  );
  if (!response.ok) {
    throw new SpecgateError('REF_NOT_FOUND', `${url}: HTTP ${response.status}.`, { file: url });
  }
  return new SourceFile({ path: url, displayPath: url, text: await response.text() });
}

/** Returns the path relative to `cwd` when the file is under it, else the absolute path. */
export function displayPathOf(absolutePath: string, cwd: string): string {
  const relative = path.relative(cwd, absolutePath);
  // The working directory itself has an empty relative path; show it as `.`.
  if (relative === '') return '.';
  const outside = relative === '..' || relative.startsWith(`..${path.sep}`);
  return outside || path.isAbsolute(relative) ? absolutePath : relative;
}
