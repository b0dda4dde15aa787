import { asRecord } from './spec-node.js';
import type { SpecDocument } from './spec-document.js';

/** A server of the API as one URL, with server variables replaced by their defaults. */
export interface ServerView {
  url: string;
  /** The URL's path without a trailing slash; `''` for the root. */
  basePath: string;
  /** JSON pointer of the server entry (or of `host` in Swagger 2.0). */
  pointer: string;
}

/**
 * Lists the servers a spec declares: 3.x `servers` at the root, or the Swagger 2.0
 * `schemes`, `host` and `basePath`. A spec without servers has one at `/`, as both
 * versions define.
 */
export function listServers(document: SpecDocument): ServerView[] {
  const root = document.root;
  if (document.version === '2.0') {
    const basePath = trimPath(typeof root['basePath'] === 'string' ? root['basePath'] : '');
    const host = typeof root['host'] === 'string' ? root['host'] : '';
    const schemes = Array.isArray(root['schemes']) ? root['schemes'].map(String) : ['https'];
    if (host === '') {
      // Without a host the API is served from the spec's own host; only a basePath is declared.
      return [{ url: basePath || '/', basePath, pointer: basePath === '' ? '' : '/basePath' }];
    }
    const pointer = '/host';
    return schemes.map((scheme) => ({ url: `${scheme}://${host}${basePath}`, basePath, pointer }));
  }
  const servers = Array.isArray(root['servers']) ? root['servers'] : [];
  const views: ServerView[] = [];
  servers.forEach((server, index) => {
    const record = asRecord(server);
    if (typeof record?.['url'] !== 'string') return;
    const url = substituteVariables(record['url'], asRecord(record['variables']));
    views.push({ url, basePath: pathOf(url), pointer: `/servers/${index}` });
  });
  return views.length > 0 ? views : [{ url: '/', basePath: '', pointer: '' }];
}

/** Returns the path every operation's URL starts with, which is the first server's path. */
export function serverBasePath(document: SpecDocument): string {
  return listServers(document)[0]?.basePath ?? '';
}

function substituteVariables(url: string, variables: Record<string, unknown> | undefined): string {
  return url.replace(/\{([^}]*)\}/g, (whole, name: string) => {
    const fallback = asRecord(variables?.[name])?.['default'];
    return typeof fallback === 'string' ? fallback : whole;
  });
}

/** Returns the path of an absolute or relative URL. */
function pathOf(url: string): string {
  const withoutScheme = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
  const path = withoutScheme.split(/[?#]/)[0] ?? '';
  return trimPath(path);
}

function trimPath(path: string): string {
  if (path === '' || path === '/') return '';
  const withSlash = path.startsWith('/') ? path : `/${path}`;
  return withSlash.replace(/\/+$/, '');
}
