/** Escapes one JSON pointer segment (RFC 6901). */
export function escapeSegment(segment: string | number): string {
  const text = String(segment);
  // Most segments need no escape, and the test is cheaper than two replacements.
  if (!text.includes('~') && !text.includes('/')) return text;
  return text.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Unescapes one JSON pointer segment (RFC 6901). */
export function unescapeSegment(segment: string): string {
  if (!segment.includes('~')) return segment;
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Joins segments into a JSON pointer such as `/paths/~1pets/get`. */
export function toPointer(segments: readonly (string | number)[]): string {
  return segments.map((segment) => `/${escapeSegment(segment)}`).join('');
}

/** Splits a JSON pointer (with or without a leading `#`) into unescaped segments. */
export function parsePointer(pointer: string): string[] {
  const isFragment = pointer.startsWith('#');
  const bare = isFragment ? pointer.slice(1) : pointer;
  if (bare === '' || bare === '/') return bare === '/' ? [''] : [];
  // Only the URI fragment form is percent-encoded (RFC 6901, section 6).
  const decoded = isFragment && bare.includes('%') ? safeDecode(bare) : bare;
  return decoded.slice(1).split('/').map(unescapeSegment);
}

/** Appends segments to a pointer. */
export function childPointer(pointer: string, ...segments: (string | number)[]): string {
  return pointer + toPointer(segments);
}

/** Reads the value at a pointer, or undefined when any segment is missing. */
export function getAtPointer(root: unknown, pointer: string): unknown {
  let node: unknown = root;
  for (const segment of parsePointer(pointer)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
