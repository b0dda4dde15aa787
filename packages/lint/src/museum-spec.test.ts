import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { lintSpec } from './lint-spec.js';

// Redocly's museum example (MIT, see __fixtures__/redocly-museum/LICENSE): a clean 3.1 spec
// that Redocly's `recommended` preset accepts, so what remains is specgate's governance.
const MUSEUM = fileURLToPath(
  new URL('./__fixtures__/redocly-museum/openapi.yaml', import.meta.url),
);
const displayPath = () => 'openapi.yaml';

describe('museum spec', () => {
  it('reports unversioned paths and HTTP Basic with the specgate preset', async () => {
    const { findings } = await lintSpec(MUSEUM, { displayPath });
    const summary = findings.map((finding) => [
      finding.id,
      finding.level,
      finding.location?.line,
      finding.location?.column,
      finding.location?.pointer,
    ]);
    expect(summary).toEqual([
      ['specgate/path-version-prefix', 'error', 16, 3, '/paths/~1museum-hours'],
      ['specgate/path-version-prefix', 'error', 41, 3, '/paths/~1special-events'],
      ['specgate/path-version-prefix', 'error', 96, 3, '/paths/~1special-events~1{eventId}'],
      ['specgate/path-version-prefix', 'error', 167, 3, '/paths/~1tickets'],
      ['specgate/path-version-prefix', 'error', 201, 3, '/paths/~1tickets~1{ticketId}~1qr'],
      [
        'specgate/no-basic-auth',
        'error',
        421,
        15,
        '/components/securitySchemes/MuseumPlaceholderAuth/scheme',
      ],
    ]);
  });

  it('gives the full finding for HTTP Basic', async () => {
    const { findings } = await lintSpec(MUSEUM, { displayPath });
    expect(findings.at(-1)).toEqual({
      kind: 'problem',
      id: 'specgate/no-basic-auth',
      level: 'error',
      message:
        'Security scheme uses HTTP Basic authentication, which sends a reusable password with every request. Use OAuth 2.0, OpenID Connect or a bearer token scheme instead.',
      location: {
        file: 'openapi.yaml',
        pointer: '/components/securitySchemes/MuseumPlaceholderAuth/scheme',
        line: 421,
        column: 15,
        endLine: 421,
        endColumn: 20,
      },
      operation: null,
      fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/),
    });
  });

  it('attaches the operation to a problem inside it', async () => {
    const { findings } = await lintSpec(MUSEUM, {
      displayPath,
      rules: {
        'specgate/path-version-prefix': 'off',
        'specgate/no-basic-auth': 'off',
        'path-http-verbs-order': 'warn',
      },
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.id).toBe('path-http-verbs-order');
    expect(findings[0]?.level).toBe('warning');
    expect(findings[0]?.location?.line).toBe(71);
    expect(findings[0]?.location?.pointer).toBe('/paths/~1special-events/get');
    expect(findings[0]?.operation).toEqual({
      method: 'GET',
      path: '/special-events',
      operationId: 'listSpecialEvents',
    });
  });

  it('reports the same problems as errors with specgate-strict', async () => {
    const { findings } = await lintSpec(MUSEUM, { extends: ['specgate-strict'] });
    expect(findings).toHaveLength(6);
    expect(findings.every((finding) => finding.level === 'error')).toBe(true);
  });
});
