import type { ChangeKind } from './change-kind.js';

/** The discriminator property changed, so payloads are told apart by another field. */
export const discriminatorChanged: ChangeKind = {
  kind: 'discriminator-changed',
  levels: { request: 'warning', response: 'warning' },
  summary: 'The discriminator property changed, so payloads are told apart by another field.',
  example: {
    scope: 'schema',
    base: '{ type: object, discriminator: { propertyName: kind } }',
    revision: '{ type: object, discriminator: { propertyName: type } }',
  },
};
