import type { UserContext } from '@redocly/openapi-core';

import type { RootObject, ServerObject } from '../openapi-objects.js';
import type { SpecgateRule } from '../rule.js';

const LOCAL_HOST = /^(?:localhost|127\.0\.0\.1|\[::1\])(?::\d+)?$/i;

interface ServerHttpsOptions {
  allowLocalhost?: boolean;
}

function hostOf(url: string): string {
  return url.replace(/^[a-z]+:\/\//i, '').split(/[/?#]/)[0] ?? '';
}

function isAllowedHttp(host: string, options: ServerHttpsOptions): boolean {
  return options.allowLocalhost === true && LOCAL_HOST.test(host);
}

const FIX = 'Serve the API over HTTPS';
const LOCAL_HINT = 'set the rule option `allowLocalhost: true` to accept http://localhost';

function serverHttpsOas3(options: ServerHttpsOptions) {
  return {
    Server(server: ServerObject, ctx: UserContext) {
      if (typeof server.url !== 'string' || !/^http:\/\//i.test(server.url)) return;
      if (isAllowedHttp(hostOf(server.url), options)) return;
      ctx.report({
        message: `Server URL \`${server.url}\` uses plain http. ${FIX} and change the URL to https://, or ${LOCAL_HINT}.`,
        location: ctx.location.child(['url']),
      });
    },
  };
}

function serverHttpsOas2(options: ServerHttpsOptions) {
  return {
    Root(root: RootObject, ctx: UserContext) {
      if (!Array.isArray(root.schemes)) return;
      const host = typeof root.host === 'string' ? root.host : '';
      if (isAllowedHttp(host, options)) return;
      root.schemes.forEach((scheme: unknown, index: number) => {
        if (scheme !== 'http') return;
        ctx.report({
          message: `\`schemes\` lists plain \`http\`. ${FIX} and list only \`https\`, or ${LOCAL_HINT}.`,
          location: ctx.location.child(['schemes', index]),
        });
      });
    },
  };
}

/** Server URLs use https. The `allowLocalhost` option accepts http for localhost only. */
export const serverHttps: SpecgateRule = {
  id: 'server-https',
  severity: 'error',
  description:
    'Server URLs use https (option allowLocalhost accepts http://localhost and http://127.0.0.1).',
  options: { allowLocalhost: false },
  oas3: serverHttpsOas3,
  oas2: serverHttpsOas2,
};
