/** The mock choices a client can make per request with the `Prefer` header. */
export interface Preferences {
  code?: number;
  example?: string;
  dynamic?: boolean;
}

/**
 * Reads `Prefer: code=404, example=empty, dynamic=true`. Preferences the mock does not
 * know are ignored, as RFC 7240 asks; a `code` that is not a number makes the request fail.
 */
export function parsePrefer(header: string | undefined): Preferences | string {
  const preferences: Preferences = {};
  if (!header) return preferences;
  for (const part of header.split(/[,;]/)) {
    const [rawName = '', ...rest] = part.split('=');
    const name = rawName.trim().toLowerCase();
    const value = rest
      .join('=')
      .trim()
      .replace(/^"(.*)"$/, '$1');
    if (name === 'code') {
      if (!/^[1-5]\d\d$/.test(value)) return `Prefer code "${value}" is not an HTTP status code`;
      preferences.code = Number(value);
    } else if (name === 'example') {
      preferences.example = value;
    } else if (name === 'dynamic') {
      preferences.dynamic = value === '' || value === 'true';
    }
  }
  return preferences;
}
