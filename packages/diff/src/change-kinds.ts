import type { Level } from '@specgate/core';

import { CHANGE_KINDS, type DirectedLevels } from './kinds/index.js';

/** The side of the exchange a schema describes: what clients send, or what they receive. */
export type Direction = 'request' | 'response';

/**
 * Schema change kinds and their level per direction. Narrowing what a request accepts
 * breaks clients that send the values no longer accepted. Widening what a response
 * may contain breaks clients that do not expect the new values.
 */
export const SCHEMA_CHANGE_LEVELS: Record<string, DirectedLevels> = Object.fromEntries(
  CHANGE_KINDS.filter((kind) => kind.example.scope === 'schema').map((kind) => [
    kind.kind,
    kind.levels as DirectedLevels,
  ]),
);

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
export const CHANGE_LEVELS: Record<string, Level> = Object.fromEntries(
  CHANGE_KINDS.filter((kind) => kind.example.scope !== 'schema').map((kind) => [
    kind.kind,
    kind.levels as Level,
  ]),
);

/**
 * Levels of operation-level change ids inside a callback or webhook, where the API sends
 * the request and the client (the receiver) sends the response. Ids missing here keep
 * their level: a change of style or security breaks either side alike.
 */
export const REVERSED_LEVELS: Record<string, Level> = Object.fromEntries(
  CHANGE_KINDS.flatMap((kind) =>
    kind.reversedLevel === undefined ? [] : [[kind.kind, kind.reversedLevel]],
  ),
);

/** Lists every change id with its default level, for docs and config validation. */
export function listChangeIds(): { id: string; level: Level }[] {
  const ids: { id: string; level: Level }[] = Object.entries(CHANGE_LEVELS).map(([id, level]) => ({
    id,
    level,
  }));
  const flip = { request: 'response', response: 'request' } as const;
  for (const [kind, levels] of Object.entries(SCHEMA_CHANGE_LEVELS)) {
    for (const direction of ['request', 'response'] as const) {
      const subjects = schemaSubjects(kind, direction);
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

/** The subjects a schema kind is reported for: a schema appears or goes only in a media type. */
export function schemaSubjects(kind: string, direction: Direction): string[] {
  if (PROPERTY_KINDS.has(kind)) return [direction];
  if (kind === 'schema-added' || kind === 'schema-removed') return [`${direction}-body`];
  return direction === 'request'
    ? ['request-body', 'request-property', 'request-parameter']
    : ['response-body', 'response-property', 'response-header'];
}

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
