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
      '@specgate/policy': packageSource('policy'),
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
