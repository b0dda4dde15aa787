import type { ChangeKind } from './change-kind.js';

/** A server URL was added. */
export const serverAdded: ChangeKind = {
  kind: 'server-added',
  levels: 'info',
  summary: 'A server URL was added.',
  example: {
    scope: 'document',
    base: 'servers: [{ url: https://api.example.com }]\npaths: {}',
    revision:
      'servers: [{ url: https://api.example.com }, { url: https://eu.example.com }]\npaths: {}',
  },
};
