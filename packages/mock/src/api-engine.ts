import path from 'node:path';

import {
  asRecord,
  bundleSpec,
  getAtPointer,
  HTTP_METHODS,
  loadSpec,
  SpecgateError,
} from '@specgate/core';

import { problemResponse } from './http-io.js';
import { indexOperations, withLifecycle, type LoadedSpec } from './operation-index.js';
import { parsePrefer, type Preferences } from './prefer.js';
import { prismErrorDetail, prismErrorKind, summariseViolations } from './prism-errors.js';
import { loadPrism, type IHttpOperation, type PrismInstance, type PrismMock } from './prism.js';
import { createProblem, type Problem, type Violation } from './problems.js';
import { checkQueryStyle, mergeDiagnostics } from './query-style.js';
import { ResponseCache, type CachedOutcome, type HeaderValues } from './response-cache.js';
import { findSpecWarnings, type SpecWarning } from './spec-warnings.js';
import {
  isError,
  missingCredentialsDetail,
  statusKind,
  toViolations,
  type PrismDiagnostic,
} from './violations.js';

/** A request after the HTTP server has parsed it. */
export interface MockRequest {
  method: string;
  /** Path without the mount prefix, e.g. `/v2/orders`. */
  path: string;
  /** Query string without `?`, as the client sent it. */
  search: string;
  /** Lower-case header names; repeated headers joined with `, ` as node:http does. */
  headers: Record<string, string>;
  body: unknown;
}

/** A finished response, body already serialised. */
export interface MockResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** The result of one request, for the response and the request log. */
export interface MockOutcome {
  response: MockResponse;
  operationId?: string;
  /** Request mismatches; in proxy mode also the response's, with `response` as first location. */
  violations: Violation[];
  cached: boolean;
}

/** Options shared by every API of a mock run. */
export interface EngineOptions {
  cwd: string;
  dynamic: boolean;
  seed?: string;
  /** Memoise static responses of valid requests; see ResponseCache. */
  cache: boolean;
  /** Forward to this provider and report mismatches, instead of mocking. */
  upstream?: URL;
  allowRemote: boolean;
}

/** Carries failed request checks out of Prism's mocker, so Prism does not pick a spec 4xx. */
class InvalidRequest extends Error {
  constructor(
    readonly diagnostics: PrismDiagnostic[],
    readonly operation: IHttpOperation,
  ) {
    super('invalid request');
  }
}

/** The mock (or validation proxy) of one API: its spec, Prism instance and response cache. */
export class ApiEngine {
  readonly name: string;
  readonly specFile: string;
  private loaded: LoadedSpec | undefined;
  private prism: PrismInstance | undefined;
  private readonly cache = new ResponseCache(1000);
  private readonly matched = new WeakMap<object, IHttpOperation>();

  constructor(
    name: string,
    specFile: string,
    private readonly options: EngineOptions,
  ) {
    this.name = name;
    this.specFile = path.resolve(options.cwd, specFile);
  }

  /** The files the spec was read from, for watching. */
  get files(): string[] {
    return this.loaded ? [...this.loaded.document.files.keys()] : [this.specFile];
  }

  /** Loads (or reloads) the spec; on failure the previous spec keeps serving. */
  async load(): Promise<SpecWarning[]> {
    const loading = loadSpec(this.specFile, {
      cwd: this.options.cwd,
      allowRemote: this.options.allowRemote,
    });
    // Prism loads (synchronously, the larger cost) while the spec's files are being read.
    const prism = loadPrism();
    const document = await loading;
    let operations: IHttpOperation[];
    try {
      // Prism gets the document specgate has already read, as one tree with local `$ref`s
      // only, so it neither reads nor parses the files again. Its resolver rewrites the
      // tree in place, hence the copy.
      const tree = structuredClone(bundleSpec(document));
      if (document.version === '2.0') withDefaultMediaTypes(tree);
      operations = (await prism.http.getHttpOperationsFromSpec(tree)) as IHttpOperation[];
    } catch (error) {
      const file = document.rootFile.displayPath;
      throw new SpecgateError(
        'INVALID_DOCUMENT',
        `${file}: Prism cannot read the spec: ${(error as Error).message}. Check it with specgate lint ${file}.`,
        { file, cause: error },
      );
    }
    this.loaded = indexOperations(document, operations);
    this.prism ??= this.createInstance();
    this.cache.clear();
    return findSpecWarnings(document);
  }

  /** Returns the path templates of the spec's operations, e.g. `/pets/{petId}`. */
  pathTemplates(): string[] {
    return [...new Set((this.loaded?.operations ?? []).map((operation) => operation.path))];
  }

  /** True when one of the spec's path templates matches `requestPath`. */
  hasPath(requestPath: string): boolean {
    return this.loaded?.pathPatterns.some((entry) => entry.pattern.test(requestPath)) ?? false;
  }

  async handle(request: MockRequest): Promise<MockOutcome> {
    const loaded = this.loaded;
    const prism = this.prism;
    if (!loaded || !prism) throw new Error(`API ${this.name} is not loaded`);

    const preferences = parsePrefer(request.headers['prefer']);
    if (typeof preferences === 'string') {
      return problemOutcome(createProblem('prefer-not-satisfiable', `${preferences}.`));
    }
    const dynamic = preferences.dynamic ?? this.options.dynamic;
    const cacheKey =
      this.options.cache && !dynamic && !this.options.upstream
        ? this.cache.key(
            request.method,
            request.path,
            request.search,
            request.headers,
            loaded.cacheableHeaders,
            request.body,
          )
        : undefined;
    const hit = cacheKey === undefined ? undefined : this.cache.get(cacheKey);
    if (hit) return { ...hit, cached: true };

    const outcome = await this.run(prism, loaded, request, preferences, dynamic);
    if (cacheKey !== undefined && outcome.cacheable) this.cache.set(cacheKey, outcome.result);
    return outcome.result;
  }

  /**
   * The stored outcome of a repeated request without a body or a Prefer header, or
   * undefined when there is none. Synchronous, for the server's fast path.
   */
  cachedOutcome(
    method: string,
    path: string,
    search: string,
    headers: HeaderValues,
  ): CachedOutcome | undefined {
    const loaded = this.loaded;
    if (!loaded || !this.options.cache || this.options.dynamic || this.options.upstream) {
      return undefined;
    }
    const key = this.cache.key(method, path, search, headers, loaded.cacheableHeaders, null);
    return key === undefined ? undefined : this.cache.get(key);
  }

  private async run(
    prism: PrismInstance,
    loaded: LoadedSpec,
    request: MockRequest,
    preferences: Preferences,
    dynamic: boolean,
  ): Promise<{ result: MockOutcome; cacheable: boolean }> {
    const input = {
      method: request.method.toLowerCase() as IHttpOperation['method'] as never,
      url: { path: request.path, query: queryOf(request.search) },
      headers: request.headers,
      body: request.body,
    };
    const mock: Record<string, unknown> = { dynamic, ignoreExamples: false };
    if (this.options.seed !== undefined) mock['seed'] = this.options.seed;
    if (preferences.code !== undefined) mock['code'] = preferences.code;
    if (preferences.example !== undefined) mock['exampleKey'] = preferences.example;
    const config = { ...this.baseConfig(), mock } as never;

    const result = await prism.request(input, loaded.operations, config)();
    if (result._tag === 'Left') {
      return { result: this.failure(result.left, request, preferences), cacheable: true };
    }
    const { output, validations } = result.right;
    const operation = this.matched.get(output);
    const violations = [
      ...toViolations(validations.input as PrismDiagnostic[], operation),
      ...toViolations(validations.output as PrismDiagnostic[], operation).map((violation) => ({
        ...violation,
        location: ['response', ...violation.location],
      })),
    ];
    const outcome: MockOutcome = {
      response: serialise(output.statusCode, output.headers ?? {}, output.body),
      violations,
      cached: false,
    };
    if (operation?.iid ?? operation?.id) outcome.operationId = operation.iid ?? operation.id;
    return { result: outcome, cacheable: !operation?.callbacks?.length };
  }

  private failure(error: Error, request: MockRequest, preferences: Preferences): MockOutcome {
    if (error instanceof InvalidRequest) {
      const violations = toViolations(error.diagnostics, error.operation);
      const kind = statusKind(error.diagnostics);
      const detail =
        (kind === 'unauthorized'
          ? missingCredentialsDetail(error.operation, request)
          : undefined) ?? summariseViolations(kind, violations);
      const outcome = problemOutcome(createProblem(kind, detail, violations));
      if (kind === 'unauthorized') {
        const schemes = error.diagnostics.flatMap((diagnostic) => diagnostic.tags ?? []);
        if (schemes.length > 0) outcome.response.headers['www-authenticate'] = schemes.join(', ');
      }
      outcome.violations = violations;
      outcome.operationId = error.operation.iid ?? error.operation.id;
      return outcome;
    }
    const kind = prismErrorKind(error, preferences);
    const detail = prismErrorDetail(kind, error, request, preferences);
    const outcome = problemOutcome(createProblem(kind, detail));
    if (kind === 'method-not-allowed') {
      outcome.response.headers['allow'] = this.allowedMethods(request.path).join(', ');
    }
    return outcome;
  }

  private allowedMethods(requestPath: string): string[] {
    const methods = (this.loaded?.pathPatterns ?? [])
      .filter((entry) => entry.pattern.test(requestPath))
      .map((entry) => entry.method.toUpperCase());
    return [...new Set(methods)];
  }

  private baseConfig(): Record<string, unknown> {
    const proxy = this.options.upstream;
    return {
      checkSecurity: true,
      validateRequest: true,
      validateResponse: proxy !== undefined,
      errors: false,
      upstreamProxy: undefined,
      isProxy: proxy !== undefined,
      ...(proxy ? { upstream: proxy } : {}),
    };
  }

  private createInstance(): PrismInstance {
    const prism = loadPrism();
    const matched = this.matched;
    const lifecycleOf = (operation: IHttpOperation) => this.loaded?.lifecycle.get(operation) ?? {};
    // Wraps Prism's mocker: a request that fails its checks stops here (Prism would
    // look for a 422/400 response in the spec and hide the problem in a header), and
    // a deprecated operation's response gets the lifecycle headers.
    const mock: PrismMock = (options) => {
      const styleDiagnostics = checkQueryStyle(options.resource, options.input.data.url.query);
      const diagnostics = mergeDiagnostics(
        options.input.validations as PrismDiagnostic[],
        styleDiagnostics,
      );
      if (diagnostics.some(isError)) {
        return (() => ({
          _tag: 'Left',
          left: new InvalidRequest(diagnostics, options.resource),
        })) as never;
      }
      const run = prism.mock(options);
      return ((log: never) => {
        const result = run(log);
        if (result._tag === 'Right') {
          matched.set(result.right, options.resource);
          result.right.headers = withLifecycle(result.right.headers, lifecycleOf(options.resource));
        }
        return result;
      }) as never;
    };
    const forward: typeof prism.forward = (input, baseUrl, upstreamProxy, resource) => (log) => {
      const task = prism.forward(input, baseUrl, upstreamProxy, resource)(log);
      return async () => {
        const result = await task();
        if (result._tag === 'Right' && resource) {
          matched.set(result.right, resource);
          result.right.headers = withLifecycle(result.right.headers, lifecycleOf(resource));
        }
        return result;
      };
    };
    return prism.http.createInstance(this.baseConfig() as never, {
      logger: SILENT_LOGGER as never,
      mock,
      forward,
    });
  }
}

/**
 * Takes the place of Prism's pino logger. Prism calls a logger method, and creates a child
 * logger, several times per request; pino does that work even at level silent.
 */
const SILENT_LOGGER = {
  child: () => SILENT_LOGGER,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  success: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  fatal: () => undefined,
};

function queryOf(search: string): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  if (search === '') return query;
  const params = new URLSearchParams(search);
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    query[key] = values.length === 1 ? (values[0] ?? '') : values;
  }
  return query;
}

/** Serialises a mocked body by its content type: text as is, everything else as JSON. */
// NOTE: an XML media type gets a JSON body here; Prism's own server converts objects to XML.
function serialise(status: number, headers: Record<string, string>, body: unknown): MockResponse {
  const lowerHeaders: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== null && value !== undefined) lowerHeaders[name.toLowerCase()] = String(value);
  }
  const contentType = lowerHeaders['content-type'] ?? '';
  let text = '';
  if (body === undefined || body === null)
    text = body === null && /json/.test(contentType) ? 'null' : '';
  else if (typeof body === 'string' && !/json/.test(contentType)) text = body;
  else text = JSON.stringify(body);
  return { status, headers: lowerHeaders, body: Buffer.from(text) };
}

function problemOutcome(problem: Problem): MockOutcome {
  return {
    response: problemResponse(problem),
    violations: problem.violations ?? [],
    cached: false,
  };
}

/**
 * Fills in the media types a Swagger 2.0 tree leaves out or lists as `[]`. Without a `produces`
 * entry, Prism finds no media type for a response and sends an empty body although the response
 * has a schema. A missing or empty document list becomes JSON, which such APIs send in practice.
 * An operation's empty list clears the document's, as Swagger 2.0 defines, so it becomes JSON too.
 */
function withDefaultMediaTypes(tree: Record<string, unknown>): void {
  const operations = swaggerOperations(tree);
  for (const key of ['produces', 'consumes']) {
    const list = tree[key] ?? [];
    tree[key] = isEmptyList(list) ? ['application/json'] : list;
    for (const operation of operations) {
      if (isEmptyList(operation[key])) operation[key] = ['application/json'];
    }
  }
}

function isEmptyList(value: unknown): boolean {
  return Array.isArray(value) && value.length === 0;
}

/** Lists the operation objects of a bundled tree, following a path item's local `$ref`. */
function swaggerOperations(tree: Record<string, unknown>): Record<string, unknown>[] {
  const operations: Record<string, unknown>[] = [];
  for (const entry of Object.values(asRecord(tree['paths']) ?? {})) {
    const ref = asRecord(entry)?.['$ref'];
    const pathItem = asRecord(typeof ref === 'string' ? getAtPointer(tree, ref) : entry);
    for (const method of HTTP_METHODS) {
      const operation = asRecord(pathItem?.[method]);
      if (operation) operations.push(operation);
    }
  }
  return operations;
}
