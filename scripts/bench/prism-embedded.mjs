// Prism's own HTTP server embedded in a process, with its per-request logger silenced: the
// in-process baseline that `specgate mock` replaces with its own server in front of
// prism-http. Usage: node scripts/bench/prism-embedded.mjs SPEC PORT
import { createRequire } from 'node:module';
import path from 'node:path';

import { repoRoot } from './tools.mjs';

const requireFromRoot = createRequire(path.join(repoRoot, 'package.json'));
const { createServer } = requireFromRoot('@stoplight/prism-http-server');
const requireFromServer = createRequire(requireFromRoot.resolve('@stoplight/prism-http-server'));
const { getHttpOperationsFromSpec } = requireFromServer('@stoplight/prism-http');
const { createLogger } = requireFromServer('@stoplight/prism-core');

const [spec, port] = process.argv.slice(2);
const operations = await getHttpOperationsFromSpec(path.resolve(spec));
const server = createServer(operations, {
  cors: true,
  config: {
    checkSecurity: true,
    validateRequest: true,
    validateResponse: true,
    errors: false,
    isProxy: false,
    upstreamProxy: undefined,
    mock: { dynamic: false },
  },
  components: { logger: createLogger('bench', { level: 'silent' }) },
});
await server.listen(Number(port), '127.0.0.1');
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => void server.close());
