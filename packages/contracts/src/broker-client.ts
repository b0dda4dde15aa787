import { SpecgateError } from '@specgate/core';

/** URL of a Pact Broker (or the embedded store) and the credentials it takes. */
export interface BrokerConnection {
  url: string;
  token?: string | undefined;
  username?: string | undefined;
  password?: string | undefined;
}

/** A HAL document as the broker returns it. */
export interface HalResource {
  _links?: Record<
    string,
    { href: string; name?: string; templated?: boolean } | { href: string; name?: string }[]
  >;
  _embedded?: Record<string, unknown>;
  [key: string]: unknown;
}

/** One line of a matrix answer, as both the store and a real broker send it. */
export interface MatrixLine {
  consumer: { name: string; version: { number: string } | null };
  provider: { name: string; version: { number: string } | null };
  verificationResult: { success: boolean; verifiedBy?: unknown } | null;
}

/** A matrix answer: `deployable` is null while results are missing. */
export interface MatrixAnswer {
  summary: {
    deployable: boolean | null;
    reason: string;
    success?: number;
    failed?: number;
    unknown?: number;
  };
  matrix: MatrixLine[];
  notices?: { type: string; text: string }[];
}

/**
 * Talks to a Pact Broker over its HTTP API, following the same links as the official
 * clients, so the embedded store, a real broker and PactFlow work alike.
 */
export class BrokerClient {
  readonly url: string;

  constructor(private readonly connection: BrokerConnection) {
    this.url = connection.url.replace(/\/+$/, '');
    if (!/^https?:\/\/[^/]+/.test(this.url)) {
      throw new SpecgateError(
        'USAGE',
        `--broker-url "${connection.url}" is not an http(s) URL. Pass the broker's base URL, e.g. --broker-url http://127.0.0.1:9292.`,
      );
    }
  }

  /** Resolves a link of the index, filling in its template variables. */
  async indexLink(relation: string, variables: Record<string, string> = {}): Promise<string> {
    const index = await this.get('/');
    const link = index._links?.[relation];
    if (!link || Array.isArray(link)) {
      throw new SpecgateError(
        'BROKER_ERROR',
        `the broker at ${this.url} offers no "${relation}" link; it may be too old for this command.`,
      );
    }
    return link.href.replace(/\{(\w+)\}/g, (_, name: string) =>
      encodeURIComponent(variables[name] ?? ''),
    );
  }

  get(pathOrUrl: string): Promise<HalResource> {
    return this.request('GET', pathOrUrl);
  }

  post(pathOrUrl: string, body: unknown): Promise<HalResource> {
    return this.request('POST', pathOrUrl, body);
  }

  put(pathOrUrl: string, body: unknown): Promise<HalResource> {
    return this.request('PUT', pathOrUrl, body);
  }

  /** Fetches the matrix for `q[][pacticipant]` selectors, optionally towards an environment. */
  async matrix(
    selectors: { pacticipant: string; version: string }[],
    environment?: string,
  ): Promise<MatrixAnswer> {
    const query = selectors
      .map(
        (selector) =>
          `q[][pacticipant]=${encodeURIComponent(selector.pacticipant)}&q[][version]=${encodeURIComponent(selector.version)}`,
      )
      .join('&');
    const target =
      environment === undefined ? '' : `&environment=${encodeURIComponent(environment)}`;
    return (await this.get(`/matrix?${query}&latestby=cvpv${target}`)) as unknown as MatrixAnswer;
  }

  private async request(method: string, pathOrUrl: string, body?: unknown): Promise<HalResource> {
    const target = pathOrUrl.startsWith('http') ? pathOrUrl : `${this.url}${pathOrUrl}`;
    const headers: Record<string, string> = { accept: 'application/hal+json, application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const authorization = this.authorization();
    if (authorization) headers['authorization'] = authorization;
    let response: Response;
    try {
      response = await fetch(target, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(30_000),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const reason = cause?.code ?? cause?.message ?? (error as Error).message;
      throw new SpecgateError(
        'BROKER_ERROR',
        `cannot reach the Pact Broker at ${this.url} (${reason}). Check --broker-url or PACT_BROKER_BASE_URL, and that the broker is running.`,
        { cause: error },
      );
    }
    const text = await response.text();
    let parsed: unknown = {};
    if (text.trim() !== '') {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = { errors: [text.slice(0, 200)] };
      }
    }
    if (!response.ok) {
      throw new SpecgateError(
        'BROKER_ERROR',
        `the Pact Broker at ${this.url} refused ${method} ${new URL(target).pathname} with ${response.status}: ${brokerMessage(parsed)}`,
      );
    }
    return parsed as HalResource;
  }

  private authorization(): string | null {
    if (this.connection.token) return `Bearer ${this.connection.token}`;
    if (this.connection.username !== undefined) {
      const pair = `${this.connection.username}:${this.connection.password ?? ''}`;
      return `Basic ${Buffer.from(pair).toString('base64')}`;
    }
    return null;
  }
}

/** Flattens the broker's error shapes (`errors` as a list or a map) into one line. */
function brokerMessage(body: unknown): string {
  const errors = (body as { errors?: unknown }).errors;
  if (Array.isArray(errors)) return errors.map(String).join('; ');
  if (errors && typeof errors === 'object') {
    return Object.entries(errors)
      .map(
        ([field, messages]) =>
          `${field}: ${Array.isArray(messages) ? messages.join(', ') : String(messages)}`,
      )
      .join('; ');
  }
  const title =
    (body as { title?: unknown; detail?: unknown }).detail ?? (body as { title?: unknown }).title;
  return typeof title === 'string' ? title : 'no reason given';
}
