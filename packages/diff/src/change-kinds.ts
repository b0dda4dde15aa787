import type { Level } from '@specgate/core';

/** The side of the exchange a schema describes: what clients send, or what they receive. */
export type Direction = 'request' | 'response';

/** Levels of a schema change kind in each direction. */
interface DirectedLevels {
  request: Level;
  response: Level;
}

/**
 * Schema change kinds and their level per direction. Narrowing what a request accepts
 * breaks clients that send the values no longer accepted. Widening what a response
 * may contain breaks clients that do not expect the new values.
 */
export const SCHEMA_CHANGE_LEVELS: Record<string, DirectedLevels> = {
  'type-widened': { request: 'info', response: 'error' },
  'type-narrowed': { request: 'error', response: 'info' },
  'type-changed': { request: 'error', response: 'error' },
  'format-widened': { request: 'info', response: 'error' },
  'format-narrowed': { request: 'error', response: 'info' },
  'format-changed': { request: 'error', response: 'error' },
  'became-nullable': { request: 'info', response: 'error' },
  'became-not-nullable': { request: 'error', response: 'info' },
  'enum-value-added': { request: 'info', response: 'warning' },
  'enum-value-removed': { request: 'error', response: 'info' },
  'enum-added': { request: 'error', response: 'info' },
  'enum-removed': { request: 'info', response: 'warning' },
  'max-decreased': { request: 'error', response: 'info' },
  'max-increased': { request: 'info', response: 'error' },
  'max-set': { request: 'warning', response: 'info' },
  'max-removed': { request: 'info', response: 'warning' },
  'min-increased': { request: 'error', response: 'info' },
  'min-decreased': { request: 'info', response: 'error' },
  'min-set': { request: 'warning', response: 'info' },
  'min-removed': { request: 'info', response: 'warning' },
  'max-length-decreased': { request: 'error', response: 'info' },
  'max-length-increased': { request: 'info', response: 'error' },
  'max-length-set': { request: 'warning', response: 'info' },
  'max-length-removed': { request: 'info', response: 'warning' },
  'min-length-increased': { request: 'error', response: 'info' },
  'min-length-decreased': { request: 'info', response: 'error' },
  'min-length-set': { request: 'warning', response: 'info' },
  'min-length-removed': { request: 'info', response: 'warning' },
  'max-items-decreased': { request: 'error', response: 'info' },
  'max-items-increased': { request: 'info', response: 'error' },
  'max-items-set': { request: 'warning', response: 'info' },
  'max-items-removed': { request: 'info', response: 'warning' },
  'min-items-increased': { request: 'error', response: 'info' },
  'min-items-decreased': { request: 'info', response: 'error' },
  'min-items-set': { request: 'warning', response: 'info' },
  'min-items-removed': { request: 'info', response: 'warning' },
  'max-properties-decreased': { request: 'error', response: 'info' },
  'max-properties-increased': { request: 'info', response: 'error' },
  'min-properties-increased': { request: 'error', response: 'info' },
  'min-properties-decreased': { request: 'info', response: 'error' },
  'multiple-of-changed': { request: 'error', response: 'warning' },
  'unique-items-set': { request: 'error', response: 'info' },
  'unique-items-removed': { request: 'info', response: 'warning' },
  'pattern-added': { request: 'warning', response: 'info' },
  'pattern-changed': { request: 'warning', response: 'warning' },
  'pattern-removed': { request: 'info', response: 'warning' },
  'required-property-added': { request: 'error', response: 'info' },
  'optional-property-added': { request: 'info', response: 'info' },
  'required-property-removed': { request: 'warning', response: 'error' },
  'optional-property-removed': { request: 'warning', response: 'warning' },
  'property-became-required': { request: 'error', response: 'info' },
  'property-became-optional': { request: 'info', response: 'error' },
  'additional-properties-narrowed': { request: 'error', response: 'info' },
  'additional-properties-widened': { request: 'info', response: 'warning' },
  'one-of-member-added': { request: 'info', response: 'error' },
  'one-of-member-removed': { request: 'error', response: 'info' },
  'any-of-member-added': { request: 'info', response: 'error' },
  'any-of-member-removed': { request: 'error', response: 'info' },
  'discriminator-changed': { request: 'warning', response: 'warning' },
  'discriminator-mapping-changed': { request: 'warning', response: 'warning' },
  'extensible-enum-value-added': { request: 'info', response: 'info' },
  'extensible-enum-value-removed': { request: 'warning', response: 'info' },
  'default-changed': { request: 'warning', response: 'info' },
  'schema-added': { request: 'error', response: 'info' },
  'schema-removed': { request: 'info', response: 'warning' },
};

/** Schema change kinds about a property's existence or requiredness, named after the direction alone. */
export const PROPERTY_KINDS = new Set([
  'required-property-added',
  'optional-property-added',
  'required-property-removed',
  'optional-property-removed',
  'property-became-required',
  'property-became-optional',
]);

/** Levels of the change ids that do not depend on a direction. */
export const CHANGE_LEVELS: Record<string, Level> = {
  'endpoint-added': 'info',
  'endpoint-removed-without-deprecation': 'error',
  'endpoint-removed-without-sunset': 'error',
  'endpoint-removed-before-sunset': 'error',
  'endpoint-removed-after-sunset': 'info',
  'endpoint-deprecated': 'info',
  'endpoint-reactivated': 'info',
  'operation-id-changed': 'warning',
  'new-required-request-parameter': 'error',
  'new-optional-request-parameter': 'info',
  'request-parameter-removed': 'warning',
  'request-parameter-became-required': 'error',
  'request-parameter-became-optional': 'info',
  'request-parameter-style-changed': 'error',
  'request-parameter-explode-changed': 'error',
  'request-parameter-deprecated': 'info',
  'request-parameter-in-changed': 'error',
  'request-parameter-allow-reserved-removed': 'warning',
  'request-parameter-allow-reserved-added': 'info',
  'request-body-added-required': 'error',
  'request-body-added-optional': 'info',
  'request-body-removed': 'info',
  'request-body-became-required': 'error',
  'request-body-became-optional': 'info',
  'request-body-media-type-added': 'info',
  'request-body-media-type-removed': 'error',
  'response-success-status-removed': 'error',
  'response-non-success-status-removed': 'warning',
  'response-success-status-added': 'info',
  'response-non-success-status-added': 'info',
  'response-media-type-added': 'info',
  'response-media-type-removed': 'error',
  'response-header-added': 'info',
  'response-required-header-removed': 'error',
  'response-optional-header-removed': 'warning',
  'response-header-became-optional': 'error',
  'response-header-became-required': 'info',
  'endpoint-security-tightened': 'error',
  'endpoint-security-loosened': 'info',
  'api-base-path-changed': 'error',
  'server-removed': 'warning',
  'server-added': 'info',
  'security-scheme-added': 'info',
  'security-scheme-removed': 'warning',
  'security-scheme-type-changed': 'error',
  'security-scheme-api-key-changed': 'error',
  'security-scheme-flow-added': 'info',
  'security-scheme-flow-removed': 'error',
  'security-scheme-url-changed': 'warning',
  'security-scheme-scope-added': 'info',
  'security-scheme-scope-removed': 'error',
  'callback-added': 'info',
  'callback-removed': 'warning',
  'webhook-added': 'info',
  'webhook-removed': 'warning',
};

/**
 * Levels of operation-level change ids inside a callback or webhook, where the API sends
 * the request and the client (the receiver) sends the response. Ids missing here keep
 * their level: a change of style or security breaks either side alike.
 */
export const REVERSED_LEVELS: Record<string, Level> = {
  'endpoint-added': 'info',
  'new-required-request-parameter': 'info',
  'new-optional-request-parameter': 'info',
  'request-parameter-removed': 'warning',
  'request-parameter-became-required': 'info',
  'request-parameter-became-optional': 'error',
  'request-body-added-required': 'info',
  'request-body-added-optional': 'info',
  'request-body-removed': 'error',
  'request-body-became-required': 'info',
  'request-body-became-optional': 'error',
  'request-body-media-type-added': 'warning',
  'request-body-media-type-removed': 'info',
  'response-success-status-removed': 'error',
  'response-non-success-status-removed': 'warning',
  'response-success-status-added': 'info',
  'response-non-success-status-added': 'info',
  'response-media-type-added': 'info',
  'response-media-type-removed': 'error',
  'response-header-added': 'warning',
  'response-required-header-removed': 'info',
  'response-optional-header-removed': 'info',
  'response-header-became-optional': 'info',
  'response-header-became-required': 'error',
};

/** Lists every change id with its default level, for docs and config validation. */
export function listChangeIds(): { id: string; level: Level }[] {
  const ids: { id: string; level: Level }[] = Object.entries(CHANGE_LEVELS).map(([id, level]) => ({
    id,
    level,
  }));
  const flip = { request: 'response', response: 'request' } as const;
  for (const [kind, levels] of Object.entries(SCHEMA_CHANGE_LEVELS)) {
    for (const direction of ['request', 'response'] as const) {
      const subjects = PROPERTY_KINDS.has(kind)
        ? [direction]
        : direction === 'request'
          ? ['request-body', 'request-property', 'request-parameter']
          : ['response-body', 'response-property', 'response-header'];
      for (const subject of subjects) {
        ids.push({ id: `${subject}-${kind}`, level: levels[direction] });
        for (const prefix of REVERSED_PREFIXES)
          ids.push({ id: `${prefix}${subject}-${kind}`, level: levels[flip[direction]] });
      }
    }
  }
  for (const [id, level] of Object.entries(CHANGE_LEVELS)) {
    if (!OPERATION_LEVEL_IDS.has(id)) continue;
    for (const prefix of REVERSED_PREFIXES)
      ids.push({ id: `${prefix}${id}`, level: REVERSED_LEVELS[id] ?? level });
  }
  return ids.sort((a, b) => a.id.localeCompare(b.id));
}

const REVERSED_PREFIXES = ['callback-', 'webhook-'] as const;

/** Ids recorded inside one operation's comparison, which callbacks and webhooks reuse. */
const OPERATION_LEVEL_IDS = new Set(
  Object.keys(CHANGE_LEVELS).filter(
    (id) =>
      !id.startsWith('endpoint-removed') &&
      !['api-base-path-changed', 'server-removed', 'server-added'].includes(id) &&
      !id.startsWith('security-scheme-') &&
      !id.startsWith('callback-') &&
      !id.startsWith('webhook-'),
  ),
);
