import type { ChangeKind } from './change-kind.js';

/** A discriminator value was mapped, unmapped or mapped to another schema. */
export const discriminatorMappingChanged: ChangeKind = {
  kind: 'discriminator-mapping-changed',
  levels: { request: 'warning', response: 'warning' },
  summary: 'A discriminator value was mapped, unmapped or mapped to another schema.',
  example: {
    scope: 'schema',
    base: "{ type: object, discriminator: { propertyName: kind, mapping: { cat: '#/components/schemas/Cat' } } }",
    revision:
      "{ type: object, discriminator: { propertyName: kind, mapping: { cat: '#/components/schemas/Lion' } } }",
  },
};
