import type { ChangeKind } from './change-kind.js';

/** A server URL was removed; clients configured with it must move. */
export const serverRemoved: ChangeKind = {
  kind: 'server-removed',
  levels: 'warning',
  summary: 'A server URL was removed; clients configured with it must move.',
  example: {
    scope: 'document',
    base: 'servers: [{ url: https://api.example.com }, { url: https://eu.example.com }]\npaths: {}',
    revision: 'servers: [{ url: https://api.example.com }]\npaths: {}',
  },
};
