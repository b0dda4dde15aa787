import { createHash } from 'node:crypto';

/**
 * Builds the anchor of an operation from its method and path template, e.g.
 * `get-v2-orders-orderid` for `GET /v2/orders/{orderId}`. It depends on nothing but the
 * two, so links to an entry keep working across runs and releases.
 */
export function operationAnchor(method: string, path: string): string {
  return slug(`${method} ${path}`) || 'operation';
}

/** Builds the anchor of a release from its version, e.g. `v2-1-0` for `2.1.0`. */
export function releaseAnchor(version: string): string {
  return `v${slug(version)}`;
}

/** Lower-cases `text` and joins its runs of letters and digits with hyphens. */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * Formats a SHA-1 digest of `seed` as a name-based UUID (version 5 layout), so that a
 * feed or entry id stays the same for the same API and release.
 */
export function stableUuid(seed: string): string {
  const hex = createHash('sha1').update(seed).digest('hex').slice(0, 32).split('');
  hex[12] = '5';
  hex[16] = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  const text = hex.join('');
  return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
}
