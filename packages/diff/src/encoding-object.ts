import { asRecord, child, type MediaTypeView } from '@specgate/core';

import { fixedChange, type OperationContext } from './operation-object.js';

/**
 * Compares the `encoding` of a multipart or form body: per property, the content type of
 * its part and how it is serialised. A client builds each part from these, so a change
 * to one breaks clients that send the request, and clients that parse the response.
 */
export function compareEncoding(
  context: OperationContext,
  base: MediaTypeView,
  revision: MediaTypeView,
  direction: 'request' | 'response',
  label: string,
): void {
  const before = asRecord(asRecord(base.node.value)?.['encoding']) ?? {};
  const after = asRecord(asRecord(revision.node.value)?.['encoding']) ?? {};
  const id =
    direction === 'request' ? 'request-body-encoding-changed' : 'response-encoding-changed';
  const add = fixedChange(context);
  for (const name of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const was = describe(asRecord(before[name]));
    const now = describe(asRecord(after[name]));
    if (was === now) continue;
    const baseNode = child(base.node, 'encoding') ?? base.node;
    const revisionNode = child(revision.node, 'encoding') ?? revision.node;
    add(
      id,
      `${label}: encoding of part ${name} changed from ${was} to ${now}`,
      child(baseNode, name) ?? baseNode,
      child(revisionNode, name) ?? revisionNode,
    );
  }
}

/** The encoding fields that change the bytes on the wire, with their defaults made explicit. */
function describe(encoding: Record<string, unknown> | undefined): string {
  const contentType =
    typeof encoding?.['contentType'] === 'string'
      ? encoding['contentType'].toLowerCase().replace(/\s+/g, '')
      : 'default';
  const style = typeof encoding?.['style'] === 'string' ? encoding['style'] : 'form';
  const explode =
    typeof encoding?.['explode'] === 'boolean' ? encoding['explode'] : style === 'form';
  const reserved = encoding?.['allowReserved'] === true ? ', allowReserved' : '';
  return `${contentType} (${style}, explode ${String(explode)}${reserved})`;
}
