import { fileURLToPath } from 'node:url';

import { defineConfig } from 'vitest/config';

const packageSource = (name: string) =>
  fileURLToPath(new URL(`./packages/${name}/src/index.ts`, import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      '@specgate/core': packageSource('core'),
      '@specgate/lint': packageSource('lint'),
      '@specgate/diff': packageSource('diff'),
      '@specgate/policy/lifecycle': fileURLToPath(
        new URL('./packages/policy/src/lifecycle-entry.ts', import.meta.url),
      ),
      '@specgate/policy': packageSource('policy'),
      // The subpath comes first: an alias also matches ids that start with it.
      '@specgate/contracts/consumer': fileURLToPath(
        new URL('./packages/contracts/src/consumer.ts', import.meta.url),
      ),
      '@specgate/contracts': packageSource('contracts'),
      '@specgate/changelog': packageSource('changelog'),
      '@specgate/codegen-flask': packageSource('codegen-flask'),
      '@specgate/codegen-ts': packageSource('codegen-ts'),
      '@specgate/mock': packageSource('mock'),
      '@specgate/cli': packageSource('cli'),
    },
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
