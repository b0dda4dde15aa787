/**
 * Converts a name to a camelCase property name: `list-orders_v1` → `listOrdersV1`. Reserved
 * words such as `delete` stay as they are, because they are only ever used as property keys.
 */
export function camelName(raw: string, fallback: string): string {
  const words = raw
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '');
  if (words.length === 0) return fallback;
  const [first = '', ...rest] = words;
  // Keep the casing inside words that already use camelCase, as operationIds usually do.
  const joined =
    first.charAt(0).toLowerCase() +
    first.slice(1) +
    rest.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('');
  return /^[0-9]/.test(joined) ? `${fallback}${joined}` : joined;
}

/** A facade name for an operation without an operationId, from its method and path. */
export function derivedOperationName(method: string, path: string): string {
  const words = path
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => segment.replace(/^\{(.*)\}$/, 'by $1'));
  return camelName([method, ...words].join(' '), 'operation');
}
