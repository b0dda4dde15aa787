import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { listOperations, loadSpec, type SpecDocument } from '@specgate/core';
import { Ajv, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { startMock, type MockServer, type RequestLogEntry } from './index.js';
import { loadPrism, type IHttpOperation } from './prism.js';

const REPO = new URL('../../../', import.meta.url).pathname;
const CORPUS = path.resolve(REPO, '../shared/corpus/single');

/** Root specs of the corpus's single folder; 3.2 is left out because specgate reads up to 3.1. */
const CORPUS_SPECS = [
  'apis-guru/xkcd.com/swagger.yaml',
  'oai-learn/v3.1/tictactoe.yaml',
  'oai/v2.0/api-with-examples.yaml',
  'oai/v2.0/petstore-expanded.yaml',
  'oai/v2.0/petstore-separate/spec/swagger.yaml',
  'oai/v2.0/uber.json',
  'oai/v3.0/api-with-examples.yaml',
  'oai/v3.0/callback-example.yaml',
  'oai/v3.0/link-example.yaml',
  'oai/v3.0/petstore-expanded.json',
  'oai/v3.0/petstore.yaml',
  'oai/v3.0/uspto.yaml',
  'oai/v3.1/non-oauth-scopes.json',
  'oai/v3.1/webhook-example.yaml',
  'redocly-museum/openapi.yaml',
  'swagger-petstore-v3/openapi.yaml',
].map((file) => path.join(CORPUS, file));

const REPO_SPECS = ['specs/orders/openapi.yaml', 'specs/customers/openapi.yaml'].map((file) =>
  path.join(REPO, file),
);

/** Seeds per response, and operations per spec, keep the run to a few seconds. */
const SEEDS_PER_RESPONSE = 3;
const MAX_OPERATIONS = 40;

test('corpus is present', () => {
  for (const file of CORPUS_SPECS) expect(existsSync(file), file).toBe(true);
});

describe('dynamic responses match their schemas', () => {
  test.each(CORPUS_SPECS.map((file) => [path.relative(CORPUS, file), file]))(
    '%s',
    async (_name, file) => {
      const document = await loadSpec(file, { cwd: REPO });
      const validatorFor = schemaValidators(document);
      const prism = loadPrism();
      const operations = (await prism.http.getHttpOperationsFromSpec(file)) as IHttpOperation[];
      const logger = prism.core.createLogger('corpus-test', { level: 'silent' });
      const failures: string[] = [];
      let checked = 0;

      for (const operation of operations.slice(0, MAX_OPERATIONS)) {
        for (const response of operation.responses) {
          const status = Number(response.code);
          if (!Number.isInteger(status)) continue;
          for (const content of response.contents ?? []) {
            if (!/json/.test(content.mediaType) || !content.schema) continue;
            const validate = validatorFor(operation, response.code, content.mediaType);
            if (!validate) continue;
            for (let seed = 1; seed <= SEEDS_PER_RESPONSE; seed += 1) {
              const result = prism.mock({
                resource: operation,
                input: {
                  data: { method: operation.method as never, url: { path: operation.path } },
                  validations: [],
                },
                config: {
                  dynamic: true,
                  seed: `seed-${seed}`,
                  code: status,
                  mediaTypes: [content.mediaType],
                },
              })(logger as never);
              if (result._tag === 'Left') {
                failures.push(
                  `${operation.method} ${operation.path} ${status}: ${result.left.message}`,
                );
                continue;
              }
              checked += 1;
              if (!validate(result.right.body)) {
                const where = `${operation.method.toUpperCase()} ${operation.path} ${status} seed-${seed}`;
                failures.push(
                  `${where}: ${validate.errors?.[0]?.instancePath} ${validate.errors?.[0]?.message}`,
                );
              }
            }
          }
        }
      }
      expect(failures).toEqual([]);
      checkedInTotal += checked;
    },
  );

  test('checked responses in total', () => {
    expect(checkedInTotal).toBeGreaterThan(100);
  });
});

let checkedInTotal = 0;

describe('every spec serves', () => {
  let server: MockServer;
  const entries: RequestLogEntry[] = [];
  const specs = [...REPO_SPECS, ...CORPUS_SPECS];
  const names = specs.map((_file, index) => `api${index}`);

  beforeAll(async () => {
    server = await startMock({
      apis: specs.map((spec, index) => ({ name: names[index] ?? '', spec })),
      cwd: REPO,
      onRequest: (entry) => entries.push(entry),
    });
  });
  afterAll(async () => {
    await server.close();
  });

  test.each(specs.map((file, index) => [path.relative(REPO, file), index]))(
    '%s',
    async (_name, index) => {
      const document = await loadSpec(specs[index] ?? '', { cwd: REPO });
      expect(server.urls[names[index] ?? '']).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      // A spec with only webhooks has no path to request.
      const operation = listOperations(document)[0];
      if (!operation) return;
      // The mock serves paths as the `paths` keys give them, without a server or basePath prefix.
      const requestPath = operation.pathKey.replace(/\{[^}]+\}/g, '1');
      const response = await fetch(`${server.urls[names[index] ?? '']}${requestPath}`, {
        method: operation.method.toUpperCase(),
      });
      await response.arrayBuffer();
      const entry = entries.find((candidate) => candidate.api === names[index]);
      expect(response.status).toBeLessThan(500);
      expect(entry?.status).toBe(response.status);
      if (operation.operationId) expect(entry?.operationId).toBe(operation.operationId);
    },
  );
});

/**
 * Compiles the schema of a response from the spec's own files: each file is added to
 * ajv under its file URL, so local and cross-file `$ref`s resolve as written.
 */
function schemaValidators(document: SpecDocument) {
  const ajv = createAjv(document.version);
  for (const [file, source] of document.files) {
    ajv.addSchema(source.data as object, pathToFileURL(file).href);
  }
  const operations = listOperations(document);
  return (
    operation: IHttpOperation,
    code: string,
    mediaType: string,
  ): ValidateFunction | undefined => {
    const view = operations.find(
      (candidate) =>
        candidate.method === operation.method &&
        (candidate.pathKey === operation.path || candidate.path === operation.path),
    );
    const response = view?.responses.find((candidate) => candidate.status === code);
    // A Swagger 2.0 spec without `produces` has one media type, which Prism may name differently.
    const media =
      response?.content.find((candidate) => candidate.mediaType === mediaType) ??
      (response?.content.length === 1 ? response.content[0] : undefined);
    const schema = media?.schema;
    if (!schema) return undefined;
    const ref = `${pathToFileURL(schema.file.path).href}#${encodeURI(schema.pointer)}`;
    return ajv.compile({ $ref: ref });
  };
}

function createAjv(version: SpecDocument['version']) {
  const options = { strict: false, validateSchema: false, allErrors: false } as const;
  const ajv =
    version === '3.1'
      ? new Ajv2020(options)
      : version === '3.0'
        ? new Ajv(options)
        : new AjvDraft04(options);
  addFormats.default(ajv as never);
  return ajv;
}
