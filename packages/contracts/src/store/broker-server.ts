import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { SpecgateError } from '@specgate/core';

import { ContractStore } from './contract-store.js';
import {
  environmentResource,
  environmentsResource,
  indexResource,
  matrixResource,
  pacticipantResource,
  pactPath,
  pactResource,
  placementResource,
  verificationResource,
  versionResource,
} from './hal.js';
import { MatrixLookupError, queryMatrix, type MatrixSelector } from './matrix.js';
import {
  selectPactsForVerification,
  type ForVerificationRequest,
} from './pacts-for-verification.js';

/** Options of the embedded contract store's HTTP server. */
export interface BrokerServerOptions {
  /** Folder of the SQLite file; null keeps everything in memory. */
  dataDir: string | null;
  /** Port on 127.0.0.1; 0 picks a free one. */
  port?: number;
  /** Called once per request, for logs. */
  onRequest?: (method: string, url: string, status: number) => void;
}

/** A running contract store. */
export interface RunningBroker {
  url: string;
  store: ContractStore;
  close: () => Promise<void>;
}

/** A request the store rejects. The reply has `status` and the body `{ errors: [message] }`. */
class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

type Params = Record<string, string | undefined>;
type Handler = (context: {
  request: IncomingMessage;
  params: Params;
  query: URLSearchParams;
  base: string;
  body: () => Promise<unknown>;
}) => { status: number; body: object } | Promise<{ status: number; body: object }>;

/**
 * Starts the contract store on 127.0.0.1, serving the part of the Pact Broker HTTP
 * API that the official clients use: publishing, pacts for verification, results,
 * branches and versions, environments, deployments, releases and the matrix.
 */
export async function startBroker(options: BrokerServerOptions): Promise<RunningBroker> {
  const store = new ContractStore(options.dataDir);
  // Loaded here so that commands which never serve do not pay for the router.
  const { default: FindMyWay } = await import('find-my-way');
  const router = FindMyWay({
    ignoreTrailingSlash: true,
    defaultRoute: (request, response) => {
      const message = `no resource at ${request.method} ${request.url}`;
      send(response, 404, { errors: [message] }, request, options);
    },
  });
  for (const [method, route, handler] of routes(store)) {
    router.on(method, route, (request, response, params, _store, query) => {
      void respond(
        request,
        response,
        params as Params,
        new URLSearchParams(query as Record<string, string>),
        handler,
        options,
      );
    });
  }
  const server = createServer((request, response) => {
    router.lookup(request, response);
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
    });
  } catch (error) {
    store.close();
    throw listenError(error, options.port ?? 0);
  }
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    store,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          store.close();
          resolve();
        });
      }),
  };
}

async function respond(
  request: IncomingMessage,
  response: ServerResponse,
  params: Params,
  query: URLSearchParams,
  handler: Handler,
  options: BrokerServerOptions,
): Promise<void> {
  const base = `http://${request.headers.host ?? '127.0.0.1'}`;
  try {
    const result = await handler({ request, params, query, base, body: () => readJson(request) });
    send(response, result.status, result.body, request, options);
  } catch (error) {
    if (error instanceof HttpError) {
      send(response, error.status, { errors: [error.message] }, request, options);
    } else if (error instanceof MatrixLookupError) {
      send(response, 400, { errors: [error.message] }, request, options);
    } else {
      send(
        response,
        500,
        { errors: [error instanceof Error ? error.message : String(error)] },
        request,
        options,
      );
    }
  }
}

function send(
  response: ServerResponse,
  status: number,
  body: object,
  request: IncomingMessage,
  options: BrokerServerOptions,
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/hal+json;charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
  options.onRequest?.(request.method ?? '', request.url ?? '', status);
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'the request body is not valid JSON');
  }
}

function param(params: Params, name: string): string {
  const value = params[name];
  if (value === undefined) throw new HttpError(400, `missing path parameter ${name}`);
  return value;
}

function routes(store: ContractStore): ['GET' | 'POST' | 'PUT', string, Handler][] {
  const ok = (body: object, status = 200) => ({ status, body });
  const pacticipantOr404 = (name: string) => {
    const found = store.findPacticipant(name);
    if (!found) throw new HttpError(404, `no pacticipant named "${name}" exists`);
    return found;
  };
  const versionOr404 = (pacticipant: string, number: string) => {
    pacticipantOr404(pacticipant);
    const found = store.findVersion(pacticipant, number);
    if (!found) throw new HttpError(404, `${pacticipant} has no version ${number}`);
    return found;
  };
  const environmentOr404 = (uuid: string) => {
    const found = store.findEnvironment(uuid);
    if (!found) throw new HttpError(404, `no environment "${uuid}" exists`);
    return found;
  };
  const pactOr404 = (provider: string, consumer: string, sha: string) => {
    const content = store.pactContent(sha);
    if (!content)
      throw new HttpError(404, `no pact ${sha} between ${consumer} and ${provider} exists`);
    return content;
  };

  return [
    ['GET', '/', ({ base }) => ok(indexResource(base))],
    [
      'POST',
      '/contracts/publish',
      async ({ base, body }) => ok(publishContracts(store, base, await body())),
    ],
    [
      'GET',
      '/pacts/provider/:provider/for-verification',
      ({ base, params }) =>
        ok({
          _links: {
            self: {
              href: `${base}/pacts/provider/${encodeURIComponent(param(params, 'provider'))}/for-verification`,
            },
          },
        }),
    ],
    [
      'POST',
      '/pacts/provider/:provider/for-verification',
      async ({ base, params, body }) => {
        const provider = param(params, 'provider');
        const request = (await body()) as ForVerificationRequest;
        const pacts = selectPactsForVerification(store, provider, request);
        return ok({
          _embedded: {
            pacts: pacts.map((pact) => ({
              shortDescription: `latest pact between ${pact.consumer} and ${pact.provider}`,
              verificationProperties: {
                pending: pact.pending,
                ...(pact.wip ? { wip: true } : {}),
                notices: pact.consumerVersions.map((version) => ({
                  when: 'before_verification',
                  text: `The pact at ${pactPath(base, pact.provider, pact.consumer, pact.sha)} is being verified because it matches: ${version.reason} (${pact.consumer} version ${version.number})${pact.pending ? '. It is pending: a failure will not fail the build' : ''}`,
                })),
              },
              _links: {
                self: {
                  href: pactPath(base, pact.provider, pact.consumer, pact.sha),
                  name: `Pact between ${pact.consumer} (${pact.consumerVersions.map((version) => version.number).join(', ')}) and ${pact.provider}`,
                },
              },
            })),
          },
          _links: {
            self: {
              href: `${base}/pacts/provider/${encodeURIComponent(provider)}/for-verification`,
            },
          },
        });
      },
    ],
    [
      'GET',
      '/pacts/provider/:provider/consumer/:consumer/pact-version/:sha',
      ({ base, params }) => pactReply(base, params),
    ],
    [
      'GET',
      '/pacts/provider/:provider/consumer/:consumer/pact-version/:sha/metadata/:metadata',
      ({ base, params }) => pactReply(base, params),
    ],
    [
      'GET',
      '/pacts/provider/:provider/consumer/:consumer/latest',
      ({ base, params }) => {
        const provider = param(params, 'provider');
        const consumer = param(params, 'consumer');
        const latest = store.publicationsFor(provider, consumer)[0];
        if (!latest) throw new HttpError(404, `no pact between ${consumer} and ${provider} exists`);
        return ok(
          pactResource(base, {
            provider,
            consumer,
            sha: latest.sha,
            content: pactOr404(provider, consumer, latest.sha),
          }),
        );
      },
    ],
    [
      'POST',
      '/pacts/provider/:provider/consumer/:consumer/pact-version/:sha/verification-results',
      async ({ base, params, body }) => {
        const provider = param(params, 'provider');
        const consumer = param(params, 'consumer');
        const sha = param(params, 'sha');
        pactOr404(provider, consumer, sha);
        const result = (await body()) as Record<string, unknown>;
        if (typeof result['success'] !== 'boolean')
          throw new HttpError(400, 'success must be true or false');
        const number = result['providerApplicationVersion'];
        if (typeof number !== 'string' || number === '') {
          throw new HttpError(400, 'providerApplicationVersion is required');
        }
        const providerVersion = store.ensureVersion(provider, number);
        const verifiedBy = result['verifiedBy'] as { implementation?: string } | undefined;
        const verification = store.recordVerification({
          sha,
          consumer,
          providerVersion,
          success: result['success'],
          verifiedBy: verifiedBy?.implementation ?? null,
          buildUrl: typeof result['buildUrl'] === 'string' ? result['buildUrl'] : null,
          body: result,
        });
        return ok(verificationResource(base, verification), 201);
      },
    ],
    [
      'GET',
      '/pacts/provider/:provider/consumer/:consumer/pact-version/:sha/verification-results/:id',
      ({ base, params }) => {
        const found = store.verificationById(Number(param(params, 'id')));
        if (!found || found.sha !== param(params, 'sha'))
          throw new HttpError(404, 'no such verification result');
        return ok(verificationResource(base, found));
      },
    ],
    [
      'GET',
      '/pacticipants',
      ({ base }) =>
        ok({
          _embedded: {
            pacticipants: store
              .pacticipantNames()
              .map((name) => pacticipantResource(base, pacticipantOr404(name))),
          },
          _links: { self: { href: `${base}/pacticipants` } },
        }),
    ],
    [
      'GET',
      '/pacticipants/:name',
      ({ base, params }) => ok(pacticipantResource(base, pacticipantOr404(param(params, 'name')))),
    ],
    [
      'PUT',
      '/pacticipants/:name/branches/:branch/versions/:version',
      ({ base, params }) => {
        const version = store.ensureVersion(param(params, 'name'), param(params, 'version'), {
          branch: param(params, 'branch'),
        });
        return ok(versionResource(base, version, store.environments()));
      },
    ],
    [
      'GET',
      '/pacticipants/:name/versions/:version',
      ({ base, params }) =>
        ok(
          versionResource(
            base,
            versionOr404(param(params, 'name'), param(params, 'version')),
            store.environments(),
          ),
        ),
    ],
    [
      'POST',
      '/pacticipants/:name/versions/:version/deployed-versions/environment/:uuid',
      async ({ base, params, body }) => {
        const version = versionOr404(param(params, 'name'), param(params, 'version'));
        const environment = environmentOr404(param(params, 'uuid'));
        const input = (await body()) as { applicationInstance?: unknown; target?: unknown };
        const instance =
          typeof input.applicationInstance === 'string' ? input.applicationInstance : null;
        return ok(
          placementResource(base, store.recordDeployment(version, environment, instance)),
          201,
        );
      },
    ],
    [
      'POST',
      '/pacticipants/:name/versions/:version/released-versions/environment/:uuid',
      ({ base, params }) => {
        const version = versionOr404(param(params, 'name'), param(params, 'version'));
        const environment = environmentOr404(param(params, 'uuid'));
        return ok(placementResource(base, store.recordRelease(version, environment)), 201);
      },
    ],
    ['GET', '/environments', ({ base }) => ok(environmentsResource(base, store.environments()))],
    [
      'POST',
      '/environments',
      async ({ base, body }) => {
        const input = (await body()) as {
          name?: unknown;
          displayName?: unknown;
          production?: unknown;
        };
        if (typeof input.name !== 'string' || !/^[A-Za-z0-9_.-]+$/.test(input.name)) {
          throw new HttpError(
            400,
            'name is required and may hold only letters, digits, ".", "_" and "-"',
          );
        }
        if (store.findEnvironment(input.name)) {
          throw new HttpError(409, `an environment named "${input.name}" already exists`);
        }
        const environment = store.createEnvironment({
          name: input.name,
          displayName: typeof input.displayName === 'string' ? input.displayName : undefined,
          production: input.production === true,
        });
        return ok(environmentResource(base, environment), 201);
      },
    ],
    [
      'GET',
      '/environments/:uuid',
      ({ base, params }) => ok(environmentResource(base, environmentOr404(param(params, 'uuid')))),
    ],
    [
      'GET',
      '/matrix',
      ({ base, request }) =>
        ok(matrixResource(base, queryMatrix(store, parseMatrixQuery(request.url ?? '')))),
    ],
  ];

  function pactReply(base: string, params: Params) {
    const provider = param(params, 'provider');
    const consumer = param(params, 'consumer');
    const sha = param(params, 'sha');
    return ok(
      pactResource(base, { provider, consumer, sha, content: pactOr404(provider, consumer, sha) }),
    );
  }
}

/** Reads `q[][pacticipant]=A&q[][version]=1&...&environment=E` in order, one selector per pacticipant. */
export function parseMatrixQuery(url: string): {
  selectors: MatrixSelector[];
  environment?: string;
} {
  const search = new URLSearchParams(url.includes('?') ? url.slice(url.indexOf('?') + 1) : '');
  const selectors: MatrixSelector[] = [];
  let environment: string | undefined;
  for (const [key, value] of search) {
    const field = /^q\[\d*\]\[(\w+)\]$/.exec(key)?.[1];
    if (field === 'pacticipant') selectors.push({ pacticipant: value });
    const current = selectors.at(-1);
    if (!current) continue;
    if (field === 'version') current.version = value;
    if (field === 'branch') current.branch = value;
    if (field === 'mainBranch') current.mainBranch = value === 'true';
    if (field === 'latest') current.latest = value === 'true';
    if (key === 'environment') environment = value;
  }
  if (search.has('environment')) environment = search.get('environment') ?? undefined;
  return environment === undefined ? { selectors } : { selectors, environment };
}

function publishContracts(store: ContractStore, base: string, input: unknown): object {
  const body = input as {
    pacticipantName?: unknown;
    pacticipantVersionNumber?: unknown;
    branch?: unknown;
    buildUrl?: unknown;
    contracts?: unknown;
  };
  if (typeof body.pacticipantName !== 'string' || body.pacticipantName === '') {
    throw new HttpError(400, 'pacticipantName is required');
  }
  if (typeof body.pacticipantVersionNumber !== 'string' || body.pacticipantVersionNumber === '') {
    throw new HttpError(400, 'pacticipantVersionNumber is required');
  }
  if (!Array.isArray(body.contracts) || body.contracts.length === 0) {
    throw new HttpError(400, 'contracts must list at least one contract');
  }
  const parsed = body.contracts.map((contract, index) =>
    parseContract(contract, index, body.pacticipantName as string),
  );
  const version = store.ensureVersion(body.pacticipantName, body.pacticipantVersionNumber, {
    branch: typeof body.branch === 'string' ? body.branch : undefined,
    buildUrl: typeof body.buildUrl === 'string' ? body.buildUrl : undefined,
  });
  const notices = parsed.map((contract) => {
    const sha = store.publishPact(version, contract.providerName, contract.content);
    return {
      type: 'success',
      text: `Pact published for ${version.pacticipant} version ${version.number} and provider ${contract.providerName}.`,
      href: pactPath(base, contract.providerName, version.pacticipant, sha),
    };
  });
  const pacticipantHref = `${base}/pacticipants/${encodeURIComponent(version.pacticipant)}`;
  const versionHref = `${pacticipantHref}/versions/${encodeURIComponent(version.number)}`;
  return {
    notices: notices.map(({ type, text }) => ({ type, text })),
    logs: [],
    _embedded: {
      pacticipant: { name: version.pacticipant, _links: { self: { href: pacticipantHref } } },
      version: {
        number: version.number,
        branches: version.branches,
        _links: { self: { href: versionHref, name: version.number, title: 'Version' } },
      },
    },
    _links: {
      'pb:pacticipant': { href: pacticipantHref, name: version.pacticipant, title: 'Pacticipant' },
      'pb:pacticipant-version': {
        href: versionHref,
        name: version.number,
        title: 'Pacticipant version',
      },
      'pb:pacticipant-version-tags': [],
      'pb:contracts': notices.map((notice, index) => ({
        href: notice.href,
        name: parsed[index]!.providerName,
        title: 'Pact',
      })),
    },
  };
}

function parseContract(
  contract: unknown,
  index: number,
  pacticipant: string,
): { providerName: string; content: Record<string, unknown> } {
  const entry = contract as { consumerName?: unknown; providerName?: unknown; content?: unknown };
  if (typeof entry.providerName !== 'string' || entry.providerName === '') {
    throw new HttpError(400, `contracts[${index}].providerName is required`);
  }
  if (entry.consumerName !== undefined && entry.consumerName !== pacticipant) {
    throw new HttpError(
      400,
      `contracts[${index}].consumerName must be the pacticipant ${pacticipant}`,
    );
  }
  if (typeof entry.content !== 'string')
    throw new HttpError(400, `contracts[${index}].content must be base64 text`);
  let content: unknown;
  try {
    content = JSON.parse(Buffer.from(entry.content, 'base64').toString('utf8'));
  } catch {
    throw new HttpError(400, `contracts[${index}].content is not base64-encoded JSON`);
  }
  if (typeof content !== 'object' || content === null || Array.isArray(content)) {
    throw new HttpError(400, `contracts[${index}].content is not a pact object`);
  }
  return { providerName: entry.providerName, content: content as Record<string, unknown> };
}

/** Turns a failure to listen into a USAGE error naming the port and what to do. */
function listenError(error: unknown, port: number): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') {
    return new SpecgateError(
      'USAGE',
      `port ${port} on 127.0.0.1 is already in use. Stop the process listening there, or pass --port with another port (0 picks a free one).`,
      { cause: error },
    );
  }
  if (code === 'EACCES') {
    return new SpecgateError(
      'USAGE',
      `no permission to listen on port ${port} on 127.0.0.1. Pass --port with a port above 1023 (0 picks a free one).`,
      { cause: error },
    );
  }
  return error;
}
