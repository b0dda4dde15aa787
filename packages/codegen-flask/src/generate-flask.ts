import { readdir } from 'node:fs/promises';
import path from 'node:path';

import {
  asRecord,
  listOperations,
  loadSpec,
  SpecgateError,
  specDigest,
  specPathFrom,
  type SpecDocument,
} from '@specgate/core';

import { buildOperations, type FlaskOperation } from './operation-object.js';
import { applyPlan, readIfExists, type OutputChanges, type PlannedFile } from './output-folder.js';
import { GENERATED_MARKER, generatedHeader } from './python-source.js';
import {
  HANDLERS_INIT,
  renderAppFactory,
  renderBlueprint,
  renderHandlerModule,
  renderRegistry,
  type RenderContext,
} from './render-package.js';
import { renderContractTests } from './render-tests.js';
import { RUNTIME_SOURCE } from './runtime-source.js';
import { SchemaConverter, type JsonSchema } from './schema-object.js';

/** Options of a Flask generation run. */
export interface FlaskGenerateOptions {
  /** Directory relative paths and messages are resolved against. */
  cwd: string;
  allowRemote?: boolean;
  /** Compare only: report what a run would change and write nothing. */
  check?: boolean;
}

/** A handler function that no operation of its tag calls any more. */
export interface OrphanedHandler {
  file: string;
  function: string;
}

/** An operation whose existing handler module has no function for it, so it responds with 501. */
export interface MissingHandler {
  file: string;
  function: string;
  operationId: string;
}

/** The outcome of `generateFlask`. */
export interface FlaskGenerateResult {
  outDir: string;
  packageName: string;
  operations: number;
  tags: string[];
  changes: OutputChanges;
  /** True when the folder differs from what this spec generates (the `--check` verdict). */
  stale: boolean;
  missingHandlers: MissingHandler[];
  orphanedHandlers: OrphanedHandler[];
  warnings: string[];
}

/** The files of a Flask package generated from a spec, before anything is written. */
export interface FlaskPlan {
  files: PlannedFile[];
  operations: FlaskOperation[];
  tags: string[];
  warnings: string[];
}

/** Folders whose files specgate owns and rewrites; everything else is the user's. */
const GENERATED_FOLDERS = ['_generated', 'tests'];

/**
 * Generates (or, with `check`, compares) a Flask package in `outDir` from a spec. The whole
 * package is rendered and validated in memory first, so an error leaves the folder untouched.
 */
export async function generateFlask(
  specPath: string,
  outDir: string,
  options: FlaskGenerateOptions,
): Promise<FlaskGenerateResult> {
  const document = await loadSpec(specPath, {
    cwd: options.cwd,
    allowRemote: options.allowRemote === true,
  });
  const absoluteOut = path.resolve(options.cwd, outDir);
  const packageName = packageNameOf(absoluteOut);
  const plan = planFlaskPackage(document, {
    packageName,
    specLabel: specPathFrom(document, absoluteOut),
  });
  const before = await readHandlerModules(absoluteOut);
  const changes = await applyPlan(absoluteOut, plan.files, {
    check: options.check === true,
    marker: GENERATED_MARKER,
    generatedFolders: GENERATED_FOLDERS,
  });
  return {
    outDir: absoluteOut,
    packageName,
    operations: plan.operations.length,
    tags: plan.tags,
    changes,
    stale: changes.written.length + changes.created.length + changes.removed.length > 0,
    ...compareHandlers(plan.operations, before),
    warnings: plan.warnings,
  };
}

/** Renders every file of the package; throws a SpecgateError on names that collide. */
export function planFlaskPackage(
  document: SpecDocument,
  options: { packageName: string; specLabel?: string },
): FlaskPlan {
  const converter = new SchemaConverter(document);
  const built = buildOperations(document, listOperations(document), converter);
  const operations = built.operations;
  const tags = [...new Set(operations.map((operation) => operation.tag))];
  rejectTagCollisions(operations);
  const context: RenderContext = {
    packageName: options.packageName,
    specLabel: options.specLabel ?? path.basename(document.rootFile.locationPath),
    digest: specDigest(document),
    title: String(asRecord(document.root['info'])?.['title'] ?? options.packageName),
  };
  const header = generatedHeader(context.specLabel, context.digest);
  const data = {
    _generated: `${GENERATED_MARKER} from ${context.specLabel}; do not edit.`,
    definitions: Object.fromEntries(converter.definitions),
    operations: Object.fromEntries(
      operations.map((operation) => [operation.operationId, runtimeEntry(operation)]),
    ),
  };
  const files: PlannedFile[] = [
    { path: '__init__.py', content: renderAppFactory(context), owner: 'scaffold' },
    { path: 'handlers/__init__.py', content: HANDLERS_INIT, owner: 'scaffold' },
    {
      path: '_generated/__init__.py',
      content: renderRegistry(operations, tags, context),
      owner: 'generated',
    },
    { path: '_generated/runtime.py', content: header + RUNTIME_SOURCE, owner: 'generated' },
    {
      path: '_generated/api.json',
      content: `${JSON.stringify(data, null, 1)}\n`,
      owner: 'generated',
    },
    { path: '_generated/blueprints/__init__.py', content: header, owner: 'generated' },
    { path: 'tests/__init__.py', content: header, owner: 'generated' },
    {
      path: 'tests/test_generated_contract.py',
      content: renderContractTests(operations, converter.definitions, context),
      owner: 'generated',
    },
  ];
  for (const tag of tags) {
    const tagged = operations.filter((operation) => operation.tag === tag);
    files.push(
      {
        path: `_generated/blueprints/${tag}.py`,
        content: renderBlueprint(tag, tagged, context),
        owner: 'generated',
      },
      {
        path: `handlers/${tag}.py`,
        content: renderHandlerModule(tagged[0]?.tagLabel ?? tag, tagged),
        owner: 'scaffold',
      },
    );
  }
  return {
    files,
    operations,
    tags,
    warnings: [...built.warnings, ...oneOfWarnings(converter.definitions)],
  };
}

/** Builds the operation entry the Python runtime reads from `api.json`. */
function runtimeEntry(operation: FlaskOperation) {
  return {
    operationId: operation.operationId,
    handler: operation.handlerName,
    tag: operation.tag,
    method: operation.method,
    path: operation.path,
    parameters: operation.parameters,
    body: operation.body,
    responses: operation.responses,
    defaultStatus: operation.defaultStatus,
  };
}

function packageNameOf(outDir: string): string {
  const name = path.basename(outDir);
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
    throw new SpecgateError(
      'USAGE',
      `-o ${outDir}: the folder name "${name}" is not a Python package name. Use letters, digits and underscores, e.g. -o ${path.join(path.dirname(outDir), name.replace(/[^A-Za-z0-9_]/g, '_').replace(/^(\d)/, '_$1'))}.`,
    );
  }
  return name;
}

function rejectTagCollisions(operations: FlaskOperation[]): void {
  const labels = new Map<string, FlaskOperation>();
  for (const operation of operations) {
    const previous = labels.get(operation.tag);
    if (previous && previous.tagLabel !== operation.tagLabel) {
      throw new SpecgateError(
        'INVALID_DOCUMENT',
        `${operation.location}: tags "${previous.tagLabel}" (operation ${previous.operationId}) and "${operation.tagLabel}" (operation ${operation.operationId}) both become the Python module "${operation.tag}". Rename one tag.`,
      );
    }
    labels.set(operation.tag, operation);
  }
}

/** Top-level function names of each existing handler module, by tag. */
async function readHandlerModules(outDir: string): Promise<Map<string, Set<string>>> {
  const modules = new Map<string, Set<string>>();
  let names: string[];
  try {
    names = await readdir(path.join(outDir, 'handlers'));
  } catch {
    return modules;
  }
  for (const name of names.filter((entry) => entry.endsWith('.py') && entry !== '__init__.py')) {
    const text = (await readIfExists(path.join(outDir, 'handlers', name))) ?? '';
    const functions = [...text.matchAll(/^(?:async\s+)?def\s+([A-Za-z_][A-Za-z0-9_]*)\s*\(/gm)];
    modules.set(name.slice(0, -3), new Set(functions.map((match) => match[1] as string)));
  }
  return modules;
}

function compareHandlers(
  operations: FlaskOperation[],
  modules: Map<string, Set<string>>,
): { missingHandlers: MissingHandler[]; orphanedHandlers: OrphanedHandler[] } {
  const missingHandlers: MissingHandler[] = [];
  const expected = new Map<string, Set<string>>();
  for (const operation of operations) {
    const names = expected.get(operation.tag) ?? new Set<string>();
    names.add(operation.handlerName);
    expected.set(operation.tag, names);
    const existing = modules.get(operation.tag);
    if (existing && !existing.has(operation.handlerName)) {
      missingHandlers.push({
        file: `handlers/${operation.tag}.py`,
        function: operation.handlerName,
        operationId: operation.operationId,
      });
    }
  }
  const orphanedHandlers: OrphanedHandler[] = [];
  for (const [tag, functions] of modules) {
    for (const name of functions) {
      if (name.startsWith('_') || expected.get(tag)?.has(name)) continue;
      orphanedHandlers.push({ file: `handlers/${tag}.py`, function: name });
    }
  }
  return { missingHandlers, orphanedHandlers };
}

/** Warns about oneOf branches that are objects open to any property, so a value can match several. */
function oneOfWarnings(definitions: ReadonlyMap<string, JsonSchema>): string[] {
  const warnings: string[] = [];
  for (const [name, schema] of definitions) {
    if (typeof schema === 'boolean' || !Array.isArray(schema['oneOf'])) continue;
    const open = (schema['oneOf'] as JsonSchema[]).filter((branch) => {
      const target = resolveDefinition(branch, definitions);
      return (
        typeof target !== 'boolean' &&
        target['type'] === 'object' &&
        target['additionalProperties'] !== false &&
        (!Array.isArray(target['required']) || target['required'].length === 0)
      );
    });
    if (open.length > 1) {
      warnings.push(
        `schema ${name}: ${open.length} oneOf branches are objects with no required properties that allow any property, so one value can match several and fail validation with 422. Add required properties or additionalProperties: false.`,
      );
    }
  }
  return warnings;
}

function resolveDefinition(
  schema: JsonSchema,
  definitions: ReadonlyMap<string, JsonSchema>,
): JsonSchema {
  let current = schema;
  for (let depth = 0; depth < 16 && typeof current !== 'boolean'; depth += 1) {
    const ref = current['$ref'];
    if (typeof ref !== 'string') break;
    current = definitions.get(ref.replace('#/$defs/', '')) ?? true;
  }
  return current;
}
