import {
  asRecord,
  deref,
  type HeaderView,
  type MediaTypeView,
  type OperationRef,
  type OperationView,
  type ParameterView,
  type ResponseView,
  type SpecDocument,
  type SpecNode,
} from '@specgate/core';

import {
  CHANGE_LEVELS,
  PROPERTY_KINDS,
  REVERSED_LEVELS,
  SCHEMA_CHANGE_LEVELS,
  type Direction,
} from './change-kinds.js';
import type { ChangeLog } from './change.js';
import type { SchemaComparer, SchemaDelta } from './schema-object.js';
import { compareCallbacks } from './callback-object.js';
import { compareEncoding } from './encoding-object.js';
import { compareSecurity } from './security-requirement.js';

/** The inputs of one operation's comparison: the change log, the schema comparer and the operation. */
export interface OperationContext {
  log: ChangeLog;
  schemas: SchemaComparer;
  operation: OperationRef;
  documents: { base: SpecDocument; revision: SpecDocument };
  /**
   * Set for an operation the API calls on the client (a callback or webhook): change ids
   * get this prefix, and the verdicts flip because the API sends the request and the
   * client sends the response.
   */
  reversed?: { prefix: 'callback-' | 'webhook-'; label: string };
}

/** Compares two versions of the same operation: parameters, request body, responses, security. */
export function compareOperation(
  context: OperationContext,
  base: OperationView,
  revision: OperationView,
): void {
  const add = fixedChange(context);
  if (!base.deprecated && revision.deprecated)
    add('endpoint-deprecated', 'operation deprecated', base.node, revision.node);
  if (base.deprecated && !revision.deprecated)
    add('endpoint-reactivated', 'operation no longer deprecated', base.node, revision.node);
  if (base.operationId && revision.operationId && base.operationId !== revision.operationId) {
    add(
      'operation-id-changed',
      `operationId changed from ${base.operationId} to ${revision.operationId}; generated clients rename the method`,
      base.node,
      revision.node,
    );
  }
  compareParameters(context, base, revision);
  compareRequestBody(context, base, revision);
  compareResponses(context, base, revision);
  compareSecurity(context, base, revision);
  // Callbacks of callbacks are not followed: the reversed exchange has no reverse of its own.
  if (!context.reversed) compareCallbacks(context, base, revision);
}

/** Returns a function that records a change whose level does not depend on direction. */
export function fixedChange(context: OperationContext) {
  return (id: string, message: string, base: SpecNode | null, revision: SpecNode | null): void => {
    const reversed = context.reversed;
    context.log.add({
      id: reversed ? `${reversed.prefix}${id}` : id,
      level: (reversed ? REVERSED_LEVELS[id] : undefined) ?? CHANGE_LEVELS[id] ?? 'info',
      message: reversed ? `${reversed.label}: ${message}` : message,
      operation: context.operation,
      base,
      revision,
    });
  };
}

function parameterKey(parameter: ParameterView): string {
  return `${parameter.in}:${parameter.in === 'header' ? parameter.name.toLowerCase() : parameter.name}`;
}

function compareParameters(
  context: OperationContext,
  base: OperationView,
  revision: OperationView,
): void {
  const add = fixedChange(context);
  // Path parameters are matched by position, so renaming one in the template changes nothing for clients.
  const basePath = base.parameters.filter((parameter) => parameter.in === 'path');
  const revisionPath = revision.parameters.filter((parameter) => parameter.in === 'path');
  const pathPairs = pairPathParameters(base.path, basePath, revision.path, revisionPath);
  const baseOthers = new Map(
    base.parameters.filter((p) => p.in !== 'path').map((p) => [parameterKey(p), p]),
  );
  const revisionOthers = new Map(
    revision.parameters.filter((p) => p.in !== 'path').map((p) => [parameterKey(p), p]),
  );
  // A parameter that kept its name but moved (query to header, say) is one change, not two.
  for (const [key, parameter] of baseOthers) {
    if (revisionOthers.has(key)) continue;
    const moved = [...revisionOthers].find(
      ([otherKey, other]) =>
        !baseOthers.has(otherKey) && other.name.toLowerCase() === parameter.name.toLowerCase(),
    );
    if (!moved) continue;
    const [movedKey, other] = moved;
    add(
      'request-parameter-in-changed',
      `parameter ${parameter.name} moved from ${parameter.in} to ${other.in}`,
      parameter.node,
      other.node,
    );
    baseOthers.delete(key);
    revisionOthers.delete(movedKey);
  }
  for (const [key, parameter] of revisionOthers) {
    if (baseOthers.has(key)) continue;
    const label = `${parameter.in} parameter ${parameter.name}`;
    if (parameter.required)
      add('new-required-request-parameter', `required ${label} added`, null, parameter.node);
    else add('new-optional-request-parameter', `optional ${label} added`, null, parameter.node);
  }
  for (const [key, parameter] of baseOthers) {
    const other = revisionOthers.get(key);
    if (!other)
      add(
        'request-parameter-removed',
        `${parameter.in} parameter ${parameter.name} removed`,
        parameter.node,
        null,
      );
    else pathPairs.push([parameter, other]);
  }
  for (const [before, after] of pathPairs) compareParameter(context, before, after);
}

function pairPathParameters(
  basePath: string,
  baseParameters: ParameterView[],
  revisionPath: string,
  revisionParameters: ParameterView[],
): [ParameterView, ParameterView][] {
  const baseNames = templateNames(basePath);
  const revisionNames = templateNames(revisionPath);
  const pairs: [ParameterView, ParameterView][] = [];
  baseNames.forEach((name, index) => {
    const before = baseParameters.find((parameter) => parameter.name === name);
    const after = revisionParameters.find((parameter) => parameter.name === revisionNames[index]);
    if (before && after) pairs.push([before, after]);
  });
  return pairs;
}

function templateNames(pathTemplate: string): string[] {
  return [...pathTemplate.matchAll(/\{([^}]*)\}/g)].map((match) => match[1] as string);
}

function compareParameter(
  context: OperationContext,
  base: ParameterView,
  revision: ParameterView,
): void {
  const add = fixedChange(context);
  const label = `${revision.in} parameter ${revision.name}`;
  if (!base.required && revision.required)
    add('request-parameter-became-required', `${label} became required`, base.node, revision.node);
  if (base.required && !revision.required)
    add('request-parameter-became-optional', `${label} became optional`, base.node, revision.node);
  if (base.style !== revision.style)
    add(
      'request-parameter-style-changed',
      `${label} style changed from ${base.style} to ${revision.style}`,
      base.node,
      revision.node,
    );
  // explode only changes how arrays and objects are written; a single value reads the same.
  else if (base.explode !== revision.explode && !isPrimitive(context, revision))
    add(
      'request-parameter-explode-changed',
      `${label} explode changed from ${base.explode} to ${revision.explode}`,
      base.node,
      revision.node,
    );
  if (base.allowReserved && !revision.allowReserved)
    add(
      'request-parameter-allow-reserved-removed',
      `${label} no longer allows reserved characters unencoded`,
      base.node,
      revision.node,
    );
  if (!base.allowReserved && revision.allowReserved)
    add(
      'request-parameter-allow-reserved-added',
      `${label} now allows reserved characters unencoded`,
      base.node,
      revision.node,
    );
  if (!base.deprecated && revision.deprecated)
    add('request-parameter-deprecated', `${label} deprecated`, base.node, revision.node);
  if (base.schema && revision.schema) {
    recordSchemaDeltas(
      context,
      context.schemas.compare(base.schema, revision.schema, 'request'),
      'request-parameter',
      'request',
      label,
    );
  }
}

/** True when a parameter's schema allows only single values (no arrays or objects). */
function isPrimitive(context: OperationContext, parameter: ParameterView): boolean {
  if (!parameter.schema) return false;
  const schema = asRecord(deref(context.documents.revision, parameter.schema).value);
  const type = schema?.['type'];
  const types = Array.isArray(type) ? type : [type];
  return types.every((name) => typeof name === 'string' && !['array', 'object'].includes(name));
}

function compareRequestBody(
  context: OperationContext,
  base: OperationView,
  revision: OperationView,
): void {
  const add = fixedChange(context);
  const before = base.requestBody;
  const after = revision.requestBody;
  if (!before && after) {
    if (after.required)
      add('request-body-added-required', 'required request body added', null, after.node);
    else add('request-body-added-optional', 'optional request body added', null, after.node);
    return;
  }
  if (before && !after) {
    add('request-body-removed', 'request body removed', before.node, null);
    return;
  }
  if (!before || !after) return;
  if (!before.required && after.required)
    add('request-body-became-required', 'request body became required', before.node, after.node);
  if (before.required && !after.required)
    add('request-body-became-optional', 'request body became optional', before.node, after.node);
  compareContent(context, before.content, after.content, 'request', 'request body');
}

function compareResponses(
  context: OperationContext,
  base: OperationView,
  revision: OperationView,
): void {
  const add = fixedChange(context);
  const revisionByStatus = new Map(
    revision.responses.map((response) => [response.status, response]),
  );
  const baseByStatus = new Map(base.responses.map((response) => [response.status, response]));
  const moves = findDefaultMoves(base, revision, baseByStatus, revisionByStatus);
  for (const response of base.responses) {
    const other =
      revisionByStatus.get(response.status) ?? coveringRange(response.status, revisionByStatus);
    if (other) {
      compareResponse(context, response, other, moves);
      continue;
    }
    // A range narrowed to codes inside it (`2XX` to `200`) promises less, and removes nothing.
    const narrowed = codesInRange(response.status, revision.responses, baseByStatus);
    if (narrowed.length > 0) {
      for (const code of narrowed) compareResponse(context, response, code, NO_MOVES);
      continue;
    }
    if (response.status === 'default' && moves.fromDefault.length > 0) {
      recordMovesFromDefault(context, response, moves.fromDefault);
      // Report the default response removed only when some of its media types found no new home.
      if (moves.fromDefault.length === response.content.length) continue;
    }
    const movedToDefault = moves.toDefault.filter((move) => move.response === response);
    const success = response.status.startsWith('2');
    add(
      success ? 'response-success-status-removed' : 'response-non-success-status-removed',
      removalMessage(response, movedToDefault.length > 0, base, revisionByStatus),
      response.node,
      null,
    );
    for (const move of movedToDefault) {
      compareMediaSchema(
        context,
        move.media,
        move.defaultMedia,
        'response',
        `response default (${move.defaultMedia.mediaType})`,
      );
    }
    // The code's headers now come from `default`, so a header it had and `default` lacks is gone.
    const revisionDefault = revisionByStatus.get('default');
    if (movedToDefault.length > 0 && revisionDefault)
      compareHeaders(context, response, revisionDefault, revisionDefault.node);
  }
  for (const response of revision.responses) {
    if (baseByStatus.has(response.status) || coveringRange(response.status, baseByStatus)) continue;
    const success = response.status.startsWith('2');
    add(
      success ? 'response-success-status-added' : 'response-non-success-status-added',
      `response ${response.status} added`,
      null,
      response.node,
    );
  }
}

/**
 * Builds the message of a removed response. When the base `default` body reappears under a
 * code the base already listed without it, the message names that code. No client got the
 * body for that code before, so the body did not move, and `default` is reported removed.
 */
function removalMessage(
  response: ResponseView,
  movedToDefault: boolean,
  base: OperationView,
  revisionByStatus: Map<string, ResponseView>,
): string {
  if (movedToDefault)
    return `response ${response.status} removed; its body is now documented only under default`;
  if (response.status !== 'default') return `response ${response.status} removed`;
  const types = new Set(response.content.map((media) => normaliseMediaType(media.mediaType)));
  const gainedBody = base.responses.filter((listed) => {
    if (listed.status === 'default') return false;
    const other = revisionByStatus.get(listed.status);
    if (!other) return false;
    const before = new Set(listed.content.map((media) => normaliseMediaType(media.mediaType)));
    return other.content.some((media) => {
      const type = normaliseMediaType(media.mediaType);
      return types.has(type) && !before.has(type);
    });
  });
  if (gainedBody.length === 0) return 'response default removed';
  const codes = gainedBody.map((listed) => listed.status).join(', ');
  return `response default removed; ${codes} now documents its body, but the base listed ${codes} without it, so the other codes lost that body`;
}

/**
 * A media type of a `default` response paired with the same media type of a status code
 * on the other side: the response that now documents the body, or that used to.
 */
interface DefaultMove {
  /** The `default` side's media type. */
  defaultMedia: MediaTypeView;
  /** The status code's response and media type. */
  response: ResponseView;
  media: MediaTypeView;
}

/** Bodies that moved between `default` and a status code only one side lists. */
interface DefaultMoves {
  /** Base `default` media types the revision documents under a new status code. */
  fromDefault: DefaultMove[];
  /** Revision `default` media types the base documented under a status code now gone. */
  toDefault: DefaultMove[];
}

const NO_MOVES: DefaultMoves = { fromDefault: [], toDefault: [] };

function findDefaultMoves(
  base: OperationView,
  revision: OperationView,
  baseByStatus: Map<string, ResponseView>,
  revisionByStatus: Map<string, ResponseView>,
): DefaultMoves {
  const added = revision.responses.filter(
    (response) =>
      response.status !== 'default' &&
      !baseByStatus.has(response.status) &&
      !coveringRange(response.status, baseByStatus),
  );
  const removed = base.responses.filter(
    (response) =>
      response.status !== 'default' &&
      !revisionByStatus.has(response.status) &&
      !coveringRange(response.status, revisionByStatus) &&
      codesInRange(response.status, revision.responses, baseByStatus).length === 0,
  );
  const baseDefault = baseByStatus.get('default');
  const revisionDefault = revisionByStatus.get('default');
  return {
    fromDefault: baseDefault ? movedMediaTypes(baseDefault, revisionDefault, added) : [],
    toDefault: revisionDefault ? movedMediaTypes(revisionDefault, baseDefault, removed) : [],
  };
}

/**
 * Pairs each media type of a `default` response that the other side's `default` lacks with
 * a response among `candidates` that has it, trying 2xx codes first.
 */
function movedMediaTypes(
  fromDefault: ResponseView,
  otherDefault: ResponseView | undefined,
  candidates: ResponseView[],
): DefaultMove[] {
  const otherTypes = new Map(
    (otherDefault?.content ?? []).map((media) => [normaliseMediaType(media.mediaType), media]),
  );
  const ordered = [
    ...candidates.filter((response) => response.status.startsWith('2')),
    ...candidates.filter((response) => !response.status.startsWith('2')),
  ];
  const moves: DefaultMove[] = [];
  for (const defaultMedia of fromDefault.content) {
    const type = normaliseMediaType(defaultMedia.mediaType);
    if (otherTypes.has(type) || matchWildcard(type, otherTypes)) continue;
    for (const response of ordered) {
      const media = response.content.find(
        (candidate) => normaliseMediaType(candidate.mediaType) === type,
      );
      if (!media) continue;
      moves.push({ defaultMedia, response, media });
      break;
    }
  }
  return moves;
}

/** Records each status code that now documents the base `default` body, and compares the bodies. */
function recordMovesFromDefault(
  context: OperationContext,
  baseDefault: ResponseView,
  moves: DefaultMove[],
): void {
  const add = fixedChange(context);
  for (const target of new Set(moves.map((move) => move.response))) {
    const types = moves
      .filter((move) => move.response === target)
      .map((move) => move.media.mediaType)
      .join(', ');
    add(
      'response-default-body-moved',
      `response default body (${types}) is now documented under ${target.status}`,
      baseDefault.node,
      target.node,
    );
  }
  for (const move of moves) {
    compareMediaSchema(
      context,
      move.defaultMedia,
      move.media,
      'response',
      `response ${move.response.status} (${move.media.mediaType})`,
    );
  }
  // Clients got the `default` headers with that body, so the target's headers are compared with them.
  for (const target of new Set(moves.map((move) => move.response)))
    compareHeaders(context, baseDefault, target, target.node);
}

/** Finds the `2XX`-style range response that covers a status code, when the other side has one. */
function coveringRange(
  status: string,
  responses: Map<string, ResponseView>,
): ResponseView | undefined {
  if (!/^\d{3}$/.test(status)) return undefined;
  return responses.get(`${status[0]}XX`);
}

/** Lists the revision's codes that a base range (`2XX`) covers and the base lists on their own. */
function codesInRange(
  status: string,
  responses: ResponseView[],
  baseByStatus: Map<string, ResponseView>,
): ResponseView[] {
  if (!/^\dXX$/.test(status)) return [];
  return responses.filter(
    (response) =>
      /^\d{3}$/.test(response.status) &&
      response.status[0] === status[0] &&
      !baseByStatus.has(response.status),
  );
}

function compareResponse(
  context: OperationContext,
  base: ResponseView,
  revision: ResponseView,
  moves: DefaultMoves,
): void {
  const isDefault = base.status === 'default' && revision.status === 'default';
  compareContent(
    context,
    base.content,
    revision.content,
    'response',
    `response ${revision.status}`,
    isDefault ? new Set(moves.fromDefault.map((move) => move.defaultMedia)) : new Set(),
    isDefault ? new Set(moves.toDefault.map((move) => move.defaultMedia)) : new Set(),
  );
  if (isDefault && moves.fromDefault.length > 0)
    recordMovesFromDefault(context, base, moves.fromDefault);
  compareHeaders(context, base, revision);
}

/**
 * Compares the headers of two responses. `removedAt` is the revision node a removed header
 * is reported at, when the removal is read against a response other than the base one
 * (the status code a `default` body moved to).
 */
function compareHeaders(
  context: OperationContext,
  base: ResponseView,
  revision: ResponseView,
  removedAt: SpecNode | null = null,
): void {
  const add = fixedChange(context);
  const revisionHeaders = new Map(
    revision.headers.map((header) => [header.name.toLowerCase(), header]),
  );
  const baseHeaders = new Map(base.headers.map((header) => [header.name.toLowerCase(), header]));
  for (const [name, header] of baseHeaders) {
    const other = revisionHeaders.get(name);
    const label =
      base.status === revision.status
        ? `response ${revision.status} header ${header.name}`
        : `response ${revision.status} header ${header.name} (sent under ${base.status} in the base)`;
    if (!other) {
      const id = header.required
        ? 'response-required-header-removed'
        : 'response-optional-header-removed';
      add(id, `${label} removed`, header.node, removedAt);
      continue;
    }
    if (header.required && !other.required)
      add('response-header-became-optional', `${label} became optional`, header.node, other.node);
    if (!header.required && other.required)
      add('response-header-became-required', `${label} became required`, header.node, other.node);
    compareHeaderSchema(context, header, other, label);
  }
  for (const [name, header] of revisionHeaders) {
    if (!baseHeaders.has(name))
      add(
        'response-header-added',
        `response ${revision.status} header ${header.name} added`,
        null,
        header.node,
      );
  }
}

function compareHeaderSchema(
  context: OperationContext,
  base: HeaderView,
  revision: HeaderView,
  label: string,
): void {
  if (!base.schema || !revision.schema) return;
  recordSchemaDeltas(
    context,
    context.schemas.compare(base.schema, revision.schema, 'response'),
    'response-header',
    'response',
    label,
  );
}

function compareContent(
  context: OperationContext,
  base: MediaTypeView[],
  revision: MediaTypeView[],
  direction: Direction,
  label: string,
  movedOut: ReadonlySet<MediaTypeView> = new Set(),
  movedIn: ReadonlySet<MediaTypeView> = new Set(),
): void {
  const add = fixedChange(context);
  const prefix = direction === 'request' ? 'request-body' : 'response';
  const revisionByType = new Map(
    revision.map((media) => [normaliseMediaType(media.mediaType), media]),
  );
  const baseByType = new Map(base.map((media) => [normaliseMediaType(media.mediaType), media]));
  for (const [type, media] of baseByType) {
    const other = revisionByType.get(type) ?? matchWildcard(type, revisionByType);
    if (!other && movedOut.has(media)) continue;
    if (!other) {
      add(
        `${prefix}-media-type-removed`,
        `${label} media type ${media.mediaType} removed`,
        media.node,
        null,
      );
      continue;
    }
    compareMediaSchema(context, media, other, direction, `${label} (${media.mediaType})`);
  }
  for (const [type, media] of revisionByType) {
    if (baseByType.has(type) || matchWildcard(type, baseByType) || movedIn.has(media)) continue;
    add(
      `${prefix}-media-type-added`,
      `${label} media type ${media.mediaType} added`,
      null,
      media.node,
    );
  }
}

function compareMediaSchema(
  context: OperationContext,
  base: MediaTypeView,
  revision: MediaTypeView,
  direction: Direction,
  label: string,
): void {
  const subject = direction === 'request' ? 'request-body' : 'response-body';
  compareEncoding(context, base, revision, direction, label);
  if (base.schema && revision.schema) {
    recordSchemaDeltas(
      context,
      context.schemas.compare(base.schema, revision.schema, direction),
      subject,
      direction,
      label,
    );
    return;
  }
  if (!base.schema && revision.schema) {
    recordSchemaDeltas(
      context,
      [
        {
          kind: 'schema-added',
          propertyPath: [],
          base: base.node,
          revision: revision.schema,
          detail: 'schema added',
        },
      ],
      subject,
      direction,
      label,
    );
  } else if (base.schema && !revision.schema) {
    recordSchemaDeltas(
      context,
      [
        {
          kind: 'schema-removed',
          propertyPath: [],
          base: base.schema,
          revision: revision.node,
          detail: 'schema removed',
        },
      ],
      subject,
      direction,
      label,
    );
  }
}

/** Lower-cases a media type and drops its parameters (`; charset=utf-8`). */
function normaliseMediaType(mediaType: string): string {
  return (mediaType.split(';')[0] ?? mediaType).trim().toLowerCase();
}

/** Matches `application/*` or `*\/*` on one side with a concrete type on the other. */
function matchWildcard(
  type: string,
  candidates: Map<string, MediaTypeView>,
): MediaTypeView | undefined {
  const [family] = type.split('/');
  return candidates.get(`${family}/*`) ?? candidates.get('*/*');
}

/** Turns schema deltas into changes of this operation, naming the subject and property. */
export function recordSchemaDeltas(
  context: OperationContext,
  deltas: SchemaDelta[],
  subject: string,
  direction: Direction,
  label: string,
): void {
  for (const delta of deltas) {
    const levels = SCHEMA_CHANGE_LEVELS[delta.kind];
    if (!levels) continue;
    const isPropertyKind = PROPERTY_KINDS.has(delta.kind);
    const nested = delta.propertyPath.length > (isPropertyKind ? 1 : 0);
    const id = isPropertyKind
      ? `${direction}-${delta.kind}`
      : `${nested || delta.propertyPath.length > 0 ? `${direction}-property` : subject}-${delta.kind}`;
    const where =
      delta.propertyPath.length > 0
        ? `${label}: property ${formatPropertyPath(delta.propertyPath)}`
        : label;
    const reversed = context.reversed;
    context.log.add({
      id: reversed ? `${reversed.prefix}${id}` : id,
      level: levels[reversed ? (direction === 'request' ? 'response' : 'request') : direction],
      message: reversed
        ? `${reversed.label}: ${where}: ${delta.detail}`
        : `${where}: ${delta.detail}`,
      operation: context.operation,
      base: delta.base,
      revision: delta.revision,
    });
  }
}

/** `['items', '[]', 'name']` → `items[].name`. */
export function formatPropertyPath(path: string[]): string {
  let text = '';
  for (const segment of path) {
    if (segment === '[]') text += '[]';
    else if (text === '') text = segment;
    else text += `.${segment}`;
  }
  return text;
}
