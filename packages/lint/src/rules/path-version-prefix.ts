import type { UserContext } from '@redocly/openapi-core';

import { isObject, type RootObject } from '../openapi-objects.js';
import type { SpecgateRule } from '../rule.js';

const VERSION_PREFIX = /^\/v\d+(?:\/|$)/;
const VERSION_SUFFIX = /\/v\d+\/?$/;

interface PathVersionPrefixOptions {
  allowServerVersion?: boolean;
}

/** Base URLs of a 3.x document's root servers, or the Swagger 2.0 `basePath`. */
function baseUrls(root: RootObject): string[] {
  if (typeof root.basePath === 'string') return [root.basePath];
  if (!Array.isArray(root.servers)) return [];
  return root.servers
    .map((server: unknown) => (isObject(server) ? server.url : undefined))
    .filter((url): url is string => typeof url === 'string');
}

function pathVersionPrefixVisitor(options: PathVersionPrefixOptions) {
  let versionInServer = false;
  return {
    Root(root: RootObject) {
      const urls = baseUrls(root);
      versionInServer = urls.length > 0 && urls.every((url) => VERSION_SUFFIX.test(url));
    },
    Paths(paths: Record<string, unknown>, ctx: UserContext) {
      if (options.allowServerVersion === true && versionInServer) return;
      for (const path of Object.keys(paths)) {
        if (VERSION_PREFIX.test(path)) continue;
        ctx.report({
          message: `Path \`${path}\` does not start with a major version segment such as \`/v1/\`. Prefix the path with the version, or set the rule option \`allowServerVersion: true\` and end every server URL with \`/v{n}\`.`,
          location: ctx.location.child([path]).key(),
        });
      }
    },
  };
}

/** Every path starts with `/v{n}/`, unless the option allows the version in the server URLs. */
export const pathVersionPrefix: SpecgateRule = {
  id: 'path-version-prefix',
  severity: 'error',
  description:
    'Every path starts with a major version segment `/v{n}/` (option allowServerVersion accepts the version at the end of every server URL instead).',
  options: { allowServerVersion: false },
  oas3: pathVersionPrefixVisitor,
  oas2: pathVersionPrefixVisitor,
};
