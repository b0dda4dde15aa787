import { minimalInstance, type SchemaModel } from './schema-model.js';

/** An edit of one model node; `witness` is a value the old node accepts and the new one rejects. */
export interface Edit {
  name: string;
  after: SchemaModel;
  witness?: unknown;
}

const BOUNDS = ['minimum', 'maximum', 'minLength', 'maxLength', 'minItems', 'maxItems'] as const;
type BoundName = (typeof BOUNDS)[number];

function boundOf(node: SchemaModel, name: BoundName): number | undefined {
  return (node as Partial<Record<BoundName, number>>)[name];
}

function withBound(node: SchemaModel, name: BoundName, value: number | undefined): SchemaModel {
  const copy = { ...node } as Record<string, unknown>;
  if (value === undefined) delete copy[name];
  else copy[name] = value;
  return copy as SchemaModel;
}

/** Builds a value at a bound: a string or array of that length for length and item bounds. */
function valueAtBound(node: SchemaModel, value: number): unknown {
  if (node.kind === 'string') return 'a'.repeat(value);
  if (node.kind === 'array')
    return Array.from({ length: value }, () => minimalInstance(node.items));
  return value;
}

function unusedName(node: Extract<SchemaModel, { kind: 'object' }>): string {
  let index = Object.keys(node.properties).length;
  while (`p${index}` in node.properties) index += 1;
  return `p${index}`;
}

/**
 * Lists the edits that only widen what `node` accepts: every instance it accepted
 * before is still accepted after. `step` (1 or more) sizes the moved bounds.
 */
export function wideningEdits(node: SchemaModel, step: number): Edit[] {
  const edits: Edit[] = [];
  if (node.kind === 'object') {
    for (const name of node.required) {
      const required = node.required.filter((entry) => entry !== name);
      edits.push({ name: `remove required ${name}`, after: { ...node, required } });
    }
    // Clients did not send undeclared properties before, so a new optional one is a widening.
    const name = unusedName(node);
    const properties = { ...node.properties, [name]: { kind: 'string', nullable: false } };
    edits.push({ name: `add optional ${name}`, after: { ...node, properties } as SchemaModel });
  }
  for (const bound of BOUNDS) {
    const value = boundOf(node, bound);
    if (value === undefined) continue;
    // A lower limit of 0 on a length or count constrains nothing, so removing it is no edit.
    if (bound === 'minimum' || bound.startsWith('max') || value > 0)
      edits.push({ name: `remove ${bound}`, after: withBound(node, bound, undefined) });
    if (bound.startsWith('max')) {
      edits.push({ name: `raise ${bound}`, after: withBound(node, bound, value + step) });
    } else if (bound === 'minimum' || value > 0) {
      const lowered = bound === 'minimum' ? value - step : Math.max(0, value - step);
      edits.push({ name: `lower ${bound}`, after: withBound(node, bound, lowered) });
    }
  }
  if (node.kind === 'string' && node.enum) {
    edits.push({ name: 'remove enum', after: { ...node, enum: undefined } as SchemaModel });
    const added = ['cat', 'dog', 'bird', 'fish', 'frog', 'newt'].find(
      (value) => !node.enum?.includes(value),
    );
    if (added)
      edits.push({ name: `add enum ${added}`, after: { ...node, enum: [...node.enum, added] } });
  }
  // 3.0 needs `null` listed in an enum before `nullable` admits it, so enums stay non-null.
  if (!node.nullable && !(node.kind === 'string' && node.enum))
    edits.push({ name: 'make nullable', after: { ...node, nullable: true } });
  return edits.map((edit) => ({ ...edit, after: stripUndefined(edit.after) }));
}

/**
 * Lists the edits that narrow what `node` accepts and that the engine must call
 * breaking in a request, each with a witness the old node accepts and the new rejects.
 */
export function narrowingEdits(node: SchemaModel, step: number): Edit[] {
  const edits: Edit[] = [];
  if (node.kind === 'object') {
    for (const name of Object.keys(node.properties)) {
      if (node.required.includes(name)) continue;
      const required = [...node.required, name];
      edits.push({
        name: `require ${name}`,
        after: { ...node, required },
        witness: minimalInstance(node),
      });
    }
    const name = unusedName(node);
    edits.push({
      name: `add required ${name}`,
      after: {
        ...node,
        properties: { ...node.properties, [name]: { kind: 'string', nullable: false } },
        required: [...node.required, name],
      },
      witness: minimalInstance(node),
    });
  }
  for (const bound of BOUNDS) {
    const value = boundOf(node, bound);
    if (value === undefined) continue;
    const isMax = bound.startsWith('max');
    const partner = (
      isMax ? bound.replace('max', 'min') : bound.replace('min', 'max')
    ) as BoundName;
    const other = boundOf(node, partner);
    // A max can drop to its min, and a min can rise to its max; lengths never go below 0.
    const lowest = bound === 'maximum' ? -Infinity : 0;
    const floor = isMax ? (other ?? lowest) : value;
    const ceiling = isMax ? value : (other ?? Infinity);
    if (ceiling - floor < 1) continue;
    const moved = isMax ? Math.max(floor, value - step) : Math.min(ceiling, value + step);
    edits.push({
      name: `${isMax ? 'lower' : 'raise'} ${bound}`,
      after: withBound(node, bound, moved),
      witness: valueAtBound(node, value),
    });
  }
  if (node.kind === 'string' && node.enum && node.enum.length >= 2) {
    const [removed, ...kept] = node.enum;
    edits.push({
      name: `remove enum ${removed}`,
      after: { ...node, enum: kept },
      witness: removed,
    });
  }
  if (
    node.kind === 'string' &&
    !node.enum &&
    node.minLength === undefined &&
    node.maxLength === undefined
  ) {
    edits.push({ name: 'add enum', after: { ...node, enum: ['cat', 'dog'] }, witness: 'unlisted' });
  }
  if (node.nullable)
    edits.push({ name: 'make not nullable', after: { ...node, nullable: false }, witness: null });
  return edits;
}

function stripUndefined(node: SchemaModel): SchemaModel {
  return Object.fromEntries(
    Object.entries(node).filter(([, value]) => value !== undefined),
  ) as SchemaModel;
}
