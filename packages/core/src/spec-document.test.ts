import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { SpecgateError } from './errors.js';
import { SourceFile } from './source-file.js';
import {
  detectVersion,
  displayPathOf,
  loadSpec,
  splitRef,
  type SourceReader,
} from './spec-document.js';
import { asRecord, child, deref, isRef, keysOf, rootNode, valueAt } from './spec-node.js';

const ROOT = '/api';

/** Builds a reader over in-memory files keyed by their path under ROOT, recording each read. */
function memoryReader(files: Record<string, string>): SourceReader & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    read(absolutePath: string): Promise<SourceFile> {
      reads.push(absolutePath);
      const relative = path.relative(ROOT, absolutePath);
      const text = files[relative];
      if (text === undefined) {
        return Promise.reject(
          new SpecgateError(
            'FILE_NOT_FOUND',
            `${relative}: file not found. Check the path, or create the file.`,
            { file: relative },
          ),
        );
      }
      return Promise.resolve(new SourceFile({ path: absolutePath, displayPath: relative, text }));
    },
  };
}

const load = (files: Record<string, string>, root = 'openapi.yaml') =>
  loadSpec(root, { cwd: ROOT, reader: memoryReader(files) });

/** Awaits `promise` and returns the SpecgateError it rejects with. */
async function rejectionOf(promise: Promise<unknown>): Promise<SpecgateError> {
  const error = await promise.then(
    () => new Error('expected a SpecgateError, but the promise resolved'),
    (caught: unknown) => caught,
  );
  if (error instanceof SpecgateError) return error;
  throw error;
}

const lines = (...text: string[]): string => `${text.join('\n')}\n`;

const MULTI_FILE: Record<string, string> = {
  'openapi.yaml': lines(
    'openapi: 3.0.3',
    'info:',
    '  title: Pets',
    '  version: 2.1.0',
    'paths:',
    '  /pets:',
    '    get:',
    '      parameters:',
    "        - $ref: 'parameters.yaml#/limit'",
    '      responses:',
    "        '200':",
    '          description: ok',
    '          content:',
    '            application/json:',
    '              schema:',
    "                $ref: './schemas/pet.yaml#/Pet'",
  ),
  'parameters.yaml': lines(
    'limit:',
    '  name: limit',
    '  in: query',
    '  schema:',
    '    type: integer',
  ),
  'schemas/pet.yaml': lines(
    'Pet:',
    '  type: object',
    '  properties:',
    '    tag:',
    "      $ref: '#/Tag'",
    '    error:',
    "      $ref: '../common/error.yaml'",
    '    owner:',
    "      $ref: '../openapi.yaml#/info'",
    'Tag:',
    '  type: string',
  ),
  'common/error.yaml': lines('type: object', 'properties:', '  code:', '    type: integer'),
};

describe('loadSpec', () => {
  it('loads every file its $refs reach once', async () => {
    const reader = memoryReader(MULTI_FILE);
    const document = await loadSpec('openapi.yaml', { cwd: ROOT, reader });

    expect([...document.files.keys()].sort()).toEqual([
      '/api/common/error.yaml',
      '/api/openapi.yaml',
      '/api/parameters.yaml',
      '/api/schemas/pet.yaml',
    ]);
    expect([...reader.reads].sort()).toEqual([...document.files.keys()].sort());
    expect(document.rootFile.displayPath).toBe('openapi.yaml');
    expect(document.version).toBe('3.0');
    expect(document.versionText).toBe('3.0.3');
    expect(document.apiVersion).toBe('2.1.0');
    expect(document.root['openapi']).toBe('3.0.3');
  });

  it('reads a $ref given as a file URL', async () => {
    const reader = memoryReader({
      'openapi.yaml': lines(
        'openapi: 3.0.3',
        'info: {title: Pets, version: 1.0.0}',
        'paths: {}',
        'components:',
        '  schemas:',
        "    Pet: {$ref: 'file:///api/schemas/pet.yaml#/Pet'}",
      ),
      'schemas/pet.yaml': lines('Pet:', '  type: object'),
    });
    const document = await loadSpec('openapi.yaml', { cwd: ROOT, reader });

    expect([...document.files.keys()].sort()).toEqual([
      '/api/openapi.yaml',
      '/api/schemas/pet.yaml',
    ]);
  });

  it('names the file too deep to analyse', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const reader = memoryReader({
      'openapi.json': `{"openapi":"3.0.3","info":{"title":"t","version":"1"},"paths":{},"x-deep":${deep}}`,
    });
    const failure = loadSpec('openapi.json', { cwd: ROOT, reader });

    await expect(failure).rejects.toThrow(
      'openapi.json: the document is nested too deeply to analyse. Flatten it, or move deep parts into components.',
    );
  });

  it('resolves a cross-file $ref to its file, pointer and value', async () => {
    const document = await load(MULTI_FILE);
    const target = document.resolveRef('./schemas/pet.yaml#/Pet', document.rootFile);

    expect(target.file.displayPath).toBe('schemas/pet.yaml');
    expect(target.pointer).toBe('/Pet');
    expect(asRecord(target.value)?.['type']).toBe('object');
    expect(document.locate(target)).toEqual({
      file: 'schemas/pet.yaml',
      pointer: '/Pet',
      line: 1,
      column: 1,
    });
  });

  it('resolves $refs relative to the file that holds them', async () => {
    const document = await load(MULTI_FILE);
    const petFile = document.files.get('/api/schemas/pet.yaml') as SourceFile;

    const local = document.resolveRef('#/Tag', petFile);
    expect(local.file).toBe(petFile);
    expect(local.value).toEqual({ type: 'string' });

    const wholeFile = document.resolveRef('../common/error.yaml', petFile);
    expect(wholeFile.file.displayPath).toBe('common/error.yaml');
    expect(wholeFile.pointer).toBe('');
    expect(asRecord(wholeFile.value)?.['type']).toBe('object');

    const backToRoot = document.resolveRef('../openapi.yaml#/info', petFile);
    expect(backToRoot.file).toBe(document.rootFile);
    expect(document.locate(backToRoot)).toEqual({
      file: 'openapi.yaml',
      pointer: '/info',
      line: 2,
      column: 1,
    });
  });

  it('raises REF_NOT_FOUND for a missing file', async () => {
    const files = {
      ...MULTI_FILE,
      'parameters.yaml': lines('limit:', '  $ref: ./missing.yaml#/limit'),
    };
    const error = await rejectionOf(load(files));
    expect(error.code).toBe('REF_NOT_FOUND');
    expect(error.file).toBe('parameters.yaml');
    expect(error.message).toBe(
      'parameters.yaml:2:3: $ref "./missing.yaml#/limit" cannot be read (missing.yaml: file not found. Check the path, or create the file.)',
    );
  });

  it('raises REF_NOT_FOUND for a missing pointer', async () => {
    const files = {
      ...MULTI_FILE,
      'schemas/pet.yaml': MULTI_FILE['schemas/pet.yaml']?.replace("'#/Tag'", "'#/Tags'") ?? '',
    };
    const error = await rejectionOf(load(files));
    expect(error.code).toBe('REF_NOT_FOUND');
    expect(error.file).toBe('schemas/pet.yaml');
    expect(error.message).toBe(
      'schemas/pet.yaml:5:7: $ref "#/Tags" points to nothing in schemas/pet.yaml. Fix the pointer or add the missing component.',
    );
  });

  it('raises REF_NOT_FOUND for a missing pointer in another file', async () => {
    const files = {
      ...MULTI_FILE,
      'openapi.yaml': MULTI_FILE['openapi.yaml']?.replace('#/limit', '#/offset') ?? '',
    };
    const error = await rejectionOf(load(files));
    expect(error.code).toBe('REF_NOT_FOUND');
    expect(error.message).toBe(
      'openapi.yaml:9:11: $ref "parameters.yaml#/offset" points to nothing in parameters.yaml. Fix the pointer or add the missing component.',
    );
  });

  it('raises REMOTE_REF for an http(s) $ref without reading it', async () => {
    const reader = memoryReader({
      'openapi.yaml': lines(
        'openapi: 3.1.0',
        'info: {title: Pets, version: 1.0.0}',
        'components:',
        '  schemas:',
        '    Pet:',
        '      $ref: https://example.com/schemas/pet.yaml#/Pet',
      ),
    });
    const error = await rejectionOf(loadSpec('openapi.yaml', { cwd: ROOT, reader }));
    expect(error.code).toBe('REMOTE_REF');
    expect(error.message).toBe(
      'openapi.yaml:6:7: remote $ref "https://example.com/schemas/pet.yaml#/Pet" is not followed. Pass --allow-remote to fetch it, or vendor the file and use a relative $ref.',
    );
    expect(reader.reads).toEqual(['/api/openapi.yaml']);
  });

  it('raises UNSUPPORTED_VERSION for openapi 3.2.0', async () => {
    const error = await rejectionOf(load({ 'openapi.yaml': lines('openapi: 3.2.0', 'info: {}') }));
    expect(error.code).toBe('UNSUPPORTED_VERSION');
    expect(error.file).toBe('openapi.yaml');
    expect(error.message).toBe(
      'openapi.yaml: unsupported version (openapi: 3.2.0). specgate reads OpenAPI 3.0, 3.1 and Swagger 2.0; convert the document to one of them.',
    );
  });

  it('raises UNSUPPORTED_VERSION for swagger 1.2', async () => {
    const error = await rejectionOf(load({ 'openapi.yaml': lines("swagger: '1.2'") }));
    expect(error.code).toBe('UNSUPPORTED_VERSION');
    expect(error.message).toMatch(/^openapi\.yaml: unsupported version \(swagger: 1\.2\)\. /);
  });

  it('raises NOT_OPENAPI for YAML without openapi or swagger', async () => {
    const error = await rejectionOf(load({ 'openapi.yaml': lines('name: pets', 'items: []') }));
    expect(error.code).toBe('NOT_OPENAPI');
    expect(error.message).toBe(
      'openapi.yaml: not an OpenAPI document (it has no "openapi" or "swagger" field). Pass an OpenAPI 3.0/3.1 or Swagger 2.0 root file.',
    );
  });

  it('raises NOT_OPENAPI for a top-level sequence', async () => {
    const error = await rejectionOf(load({ 'openapi.yaml': lines('- openapi: 3.0.0') }));
    expect(error.code).toBe('NOT_OPENAPI');
    expect(error.message).toBe(
      'openapi.yaml: not an OpenAPI document (its top level is not a mapping). Pass an OpenAPI 3.0/3.1 or Swagger 2.0 root file.',
    );
  });

  it('loads a schema cycle through properties', async () => {
    const document = await load({
      'openapi.yaml': lines(
        'openapi: 3.0.3',
        'info: {title: Tree, version: 1.0.0}',
        'paths: {}',
        'components:',
        '  schemas:',
        '    A:',
        '      type: object',
        '      properties:',
        "        b: {$ref: '#/components/schemas/B'}",
        '    B:',
        '      type: object',
        '      properties:',
        "        a: {$ref: '#/components/schemas/A'}",
      ),
    });
    const schemas = child(child(rootNode(document), 'components')!, 'schemas')!;
    const a = child(schemas, 'A')!;
    const b = deref(document, child(child(a, 'properties')!, 'b')!);
    expect(b.pointer).toBe('/components/schemas/B');
    const backToA = deref(document, child(child(b, 'properties')!, 'a')!);
    expect(backToA.pointer).toBe('/components/schemas/A');
    expect(backToA.value).toBe(a.value);
  });

  it('loads a cycle of files once each', async () => {
    const reader = memoryReader({
      'openapi.yaml': lines(
        'openapi: 3.1.0',
        'info: {title: Cycle, version: 1.0.0}',
        'components:',
        '  schemas:',
        "    A: {$ref: 'a.yaml'}",
      ),
      'a.yaml': lines('type: object', 'properties:', "  b: {$ref: 'b.yaml'}"),
      'b.yaml': lines('type: object', 'properties:', "  a: {$ref: 'a.yaml'}"),
    });
    const document = await loadSpec('openapi.yaml', { cwd: ROOT, reader });
    expect(document.files.size).toBe(3);
    expect(reader.reads).toEqual(['/api/openapi.yaml', '/api/a.yaml', '/api/b.yaml']);
  });

  it('does not follow $ref keys inside example values', async () => {
    const document = await load({
      'openapi.yaml': lines(
        'openapi: 3.0.3',
        'info: {title: Pets, version: 1.0.0}',
        'paths: {}',
        'components:',
        '  schemas:',
        '    Link:',
        '      type: object',
        '      example:',
        "        $ref: 'not-a-file.yaml'",
        '      x-examples:',
        '        one:',
        "          $ref: 'also-not-a-file.yaml'",
      ),
    });
    expect(document.files.size).toBe(1);
  });

  it('decodes percent-encoded file names and pointers', async () => {
    const document = await load({
      'openapi.yaml': lines(
        'openapi: 3.0.3',
        'info: {title: Pets, version: 1.0.0}',
        'components:',
        '  schemas:',
        "    Pet: {$ref: 'my%20schemas.yaml#/Pet%20Type'}",
      ),
      'my schemas.yaml': lines('Pet Type:', '  type: string'),
    });
    const target = document.resolveRef('my%20schemas.yaml#/Pet%20Type', document.rootFile);
    expect(target.file.displayPath).toBe('my schemas.yaml');
    expect(target.pointer).toBe('/Pet Type');
    expect(target.value).toEqual({ type: 'string' });
  });

  it('reads from disk with display paths relative to cwd', async () => {
    const directory = await mkdtemp(path.join(tmpdir(), 'specgate-core-load-'));
    try {
      await mkdir(path.join(directory, 'specs'));
      await writeFile(
        path.join(directory, 'specs', 'openapi.yaml'),
        lines(
          'swagger: "2.0"',
          'info: {title: Pets, version: 1.0.0}',
          'definitions:',
          '  Pet:',
          "    $ref: 'pet.yaml'",
        ),
      );
      await writeFile(path.join(directory, 'specs', 'pet.yaml'), lines('type: object'));
      const document = await loadSpec('specs/openapi.yaml', { cwd: directory });
      expect(document.version).toBe('2.0');
      expect(document.rootFile.displayPath).toBe(path.join('specs', 'openapi.yaml'));
      expect([...document.files.values()].map((file) => file.displayPath)).toEqual([
        path.join('specs', 'openapi.yaml'),
        path.join('specs', 'pet.yaml'),
      ]);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});

describe('SpecDocument.resolveRef', () => {
  it('raises REF_NOT_FOUND for a file that was not loaded', async () => {
    const document = await load(MULTI_FILE);
    let caught: unknown;
    try {
      document.resolveRef('other.yaml#/X', document.rootFile);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SpecgateError);
    expect((caught as SpecgateError).code).toBe('REF_NOT_FOUND');
    expect((caught as SpecgateError).message).toBe(
      'openapi.yaml: $ref "other.yaml#/X" was not loaded.',
    );
  });

  it('returns an undefined value for a pointer that matches nothing', async () => {
    const document = await load(MULTI_FILE);
    const target = document.resolveRef('#/components/nothing', document.rootFile);
    expect(target.pointer).toBe('/components/nothing');
    expect(target.value).toBeUndefined();
  });
});

describe('deref', () => {
  const cycleSpec = (schemas: string[]) =>
    load({
      'openapi.yaml': lines(
        'openapi: 3.0.3',
        'info: {title: Cycle, version: 1.0.0}',
        'paths: {}',
        'components:',
        '  schemas:',
        ...schemas,
      ),
    });

  it('rejects a $ref cycle with no schema at load', async () => {
    const caught = await cycleSpec([
      "    A: {$ref: '#/components/schemas/B'}",
      "    B: {$ref: '#/components/schemas/A'}",
    ]).catch((error: unknown) => error);
    expect(caught).toBeInstanceOf(SpecgateError);
    expect((caught as SpecgateError).code).toBe('INVALID_DOCUMENT');
    expect((caught as SpecgateError).message).toBe(
      'openapi.yaml:6:9: $ref "#/components/schemas/B" starts a cycle of references with no content in it. Point one of them at a real object.',
    );
  });

  it('rejects a $ref to itself at load', async () => {
    const caught = await cycleSpec(["    A: {$ref: '#/components/schemas/A'}"]).catch(
      (error: unknown) => error,
    );
    expect((caught as SpecgateError).code).toBe('INVALID_DOCUMENT');
  });

  it('follows a chain of $refs to the first non-reference', async () => {
    const document = await cycleSpec([
      "    A: {$ref: '#/components/schemas/B'}",
      "    B: {$ref: '#/components/schemas/C'}",
      '    C: {type: string}',
    ]);
    const schemas = child(child(rootNode(document), 'components')!, 'schemas')!;
    const resolved = deref(document, child(schemas, 'A')!);
    expect(resolved.pointer).toBe('/components/schemas/C');
    expect(resolved.value).toEqual({ type: 'string' });
    expect(resolved.file).toBe(document.rootFile);
  });

  it('returns a node that is not a reference unchanged', async () => {
    const document = await cycleSpec(['    C: {type: string}']);
    const node = child(child(child(rootNode(document), 'components')!, 'schemas')!, 'C')!;
    expect(deref(document, node)).toBe(node);
  });
});

describe('spec-node helpers', () => {
  it('builds escaped child pointers and reads values', async () => {
    const document = await load(MULTI_FILE);
    const root = rootNode(document);
    expect(root.pointer).toBe('');

    const pets = child(child(root, 'paths')!, '/pets')!;
    expect(pets.pointer).toBe('/paths/~1pets');
    const parameter = child(child(child(pets, 'get')!, 'parameters')!, 0)!;
    expect(parameter.pointer).toBe('/paths/~1pets/get/parameters/0');
    expect(isRef(parameter.value)).toBe(true);
    expect(child(pets, 'post')).toBeNull();
    expect(child(child(root, 'openapi')!, 'x')).toBeNull();

    expect(keysOf(root)).toEqual(['openapi', 'info', 'paths']);
    expect(keysOf(null)).toEqual([]);
    expect(valueAt(root, '/info/title')).toBe('Pets');
    expect(valueAt(root, '/info/nothing')).toBeUndefined();
  });

  it('tells references and records apart', () => {
    expect(isRef({ $ref: '#/a' })).toBe(true);
    expect(isRef({ $ref: 1 })).toBe(false);
    expect(isRef(null)).toBe(false);
    expect(asRecord({ a: 1 })).toEqual({ a: 1 });
    expect(asRecord([1])).toBeUndefined();
    expect(asRecord('a')).toBeUndefined();
  });
});

describe('spec-document helpers', () => {
  it('splits a $ref into file and fragment', () => {
    expect(splitRef('pet.yaml#/Pet')).toEqual(['pet.yaml', '/Pet']);
    expect(splitRef('#/components/schemas/Pet')).toEqual(['', '/components/schemas/Pet']);
    expect(splitRef('pet.yaml')).toEqual(['pet.yaml', '']);
  });

  it('detects each supported version', () => {
    const detect = (text: string) =>
      detectVersion(new SourceFile({ path: 'a.yaml', displayPath: 'a.yaml', text }));
    expect(detect("swagger: '2.0'")).toEqual({ version: '2.0', text: '2.0' });
    expect(detect('openapi: 3.0.0')).toEqual({ version: '3.0', text: '3.0.0' });
    expect(detect('openapi: 3.0.4')).toEqual({ version: '3.0', text: '3.0.4' });
    expect(detect('openapi: 3.1.1')).toEqual({ version: '3.1', text: '3.1.1' });
    expect(detect("openapi: '3.1'")).toEqual({ version: '3.1', text: '3.1' });
  });

  it('shows paths under cwd relative to it', () => {
    expect(displayPathOf('/repo/specs/a.yaml', '/repo')).toBe('specs/a.yaml');
    expect(displayPathOf('/other/a.yaml', '/repo')).toBe('/other/a.yaml');
    expect(displayPathOf('/repo', '/repo')).toBe('.');
    expect(displayPathOf('/repo/', '/repo')).toBe('.');
  });
});
