import fc from 'fast-check';

/**
 * A small model of the JSON schemas the property tests generate. Edits work on the
 * model and `toSchema` writes it out in the 3.0 (`nullable: true`) or 3.1
 * (`type: [..., 'null']`) form, so one edit can be checked in both versions.
 */
export type SchemaModel =
  | {
      kind: 'string';
      nullable: boolean;
      minLength?: number;
      maxLength?: number;
      enum?: string[];
    }
  | { kind: 'integer' | 'number'; nullable: boolean; minimum?: number; maximum?: number }
  | { kind: 'array'; nullable: boolean; items: SchemaModel; minItems?: number; maxItems?: number }
  | {
      kind: 'object';
      nullable: boolean;
      properties: Record<string, SchemaModel>;
      required: string[];
    };

/** Steps from the root model to a nested one: a property name, or `[]` for array items. */
export type ModelPath = string[];

const optional = <T>(arbitrary: fc.Arbitrary<T>) =>
  fc.option(arbitrary, { nil: undefined, freq: 2 });

/** Drops keys whose value is undefined, so models compare and render cleanly. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}

function orderedPair(low: number, high: number): fc.Arbitrary<[number, number]> {
  return fc
    .tuple(fc.integer({ min: low, max: high }), fc.integer({ min: low, max: high }))
    .map(([a, b]) => (a <= b ? [a, b] : [b, a]));
}

const stringModel: fc.Arbitrary<SchemaModel> = fc.oneof(
  fc
    .record({ nullable: fc.boolean(), bounds: optional(orderedPair(0, 12)), onlyMax: fc.boolean() })
    .map(({ nullable, bounds, onlyMax }) =>
      compact({
        kind: 'string' as const,
        nullable,
        minLength: bounds && !onlyMax ? bounds[0] : undefined,
        maxLength: bounds?.[1],
      }),
    ),
  fc
    .uniqueArray(fc.constantFrom('cat', 'dog', 'bird', 'fish', 'frog'), {
      minLength: 1,
      maxLength: 4,
    })
    .map((values) => ({ kind: 'string' as const, nullable: false, enum: values })),
);

const numberModel: fc.Arbitrary<SchemaModel> = fc
  .record({
    kind: fc.constantFrom('integer' as const, 'number' as const),
    nullable: fc.boolean(),
    bounds: orderedPair(-100, 100),
    present: fc.constantFrom('both', 'min', 'max', 'none'),
  })
  .map(({ kind, nullable, bounds, present }) =>
    compact({
      kind,
      nullable,
      minimum: present === 'both' || present === 'min' ? bounds[0] : undefined,
      maximum: present === 'both' || present === 'max' ? bounds[1] : undefined,
    }),
  );

const { model: schemaModel } = fc.letrec<{ model: SchemaModel }>((tie) => ({
  model: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    stringModel,
    numberModel,
    fc
      .record({ nullable: fc.boolean(), items: tie('model'), bounds: optional(orderedPair(0, 3)) })
      .map(({ nullable, items, bounds }) =>
        compact({
          kind: 'array' as const,
          nullable,
          items,
          minItems: bounds?.[0],
          maxItems: bounds ? Math.max(bounds[1], 1) : undefined,
        }),
      ),
    objectOf(tie('model')),
  ),
}));

function objectOf(property: fc.Arbitrary<unknown>): fc.Arbitrary<SchemaModel> {
  return fc
    .record({
      nullable: fc.boolean(),
      properties: fc.array(property as fc.Arbitrary<SchemaModel>, { maxLength: 4 }),
      requiredMask: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
    })
    .map(({ nullable, properties, requiredMask }) => {
      const names = properties.map((_, index) => `p${index}`);
      return {
        kind: 'object' as const,
        nullable,
        properties: Object.fromEntries(names.map((name, index) => [name, properties[index]])),
        required: names.filter((_, index) => requiredMask[index]),
      } as SchemaModel;
    });
}

/** Request bodies are objects at the top, with any model below. */
export const bodyModel: fc.Arbitrary<SchemaModel> = objectOf(schemaModel).map((model) => ({
  ...model,
  nullable: false,
}));

/** Writes a model as an OpenAPI schema object of the given version. */
export function toSchema(model: SchemaModel, version: '3.0' | '3.1'): Record<string, unknown> {
  const type = model.nullable && version === '3.1' ? [model.kind, 'null'] : model.kind;
  const schema: Record<string, unknown> = { type };
  if (model.nullable && version === '3.0') schema['nullable'] = true;
  if (model.kind === 'array') {
    const { items, minItems, maxItems } = model;
    return compact({ ...schema, items: toSchema(items, version), minItems, maxItems });
  }
  if (model.kind === 'object') {
    const properties = Object.fromEntries(
      Object.entries(model.properties).map(([name, child]) => [name, toSchema(child, version)]),
    );
    return compact({
      ...schema,
      properties,
      required: model.required.length > 0 ? model.required : undefined,
    });
  }
  const { kind: _kind, nullable: _nullable, ...keywords } = model;
  return compact({ ...schema, ...keywords });
}

/** Lists every path in a model, the root first. */
export function listPaths(model: SchemaModel, prefix: ModelPath = []): ModelPath[] {
  const paths = [prefix];
  if (model.kind === 'array') paths.push(...listPaths(model.items, [...prefix, '[]']));
  if (model.kind === 'object') {
    for (const [name, child] of Object.entries(model.properties))
      paths.push(...listPaths(child, [...prefix, name]));
  }
  return paths;
}

/** Reads the model at a path. */
export function modelAt(model: SchemaModel, path: ModelPath): SchemaModel {
  let current = model;
  for (const segment of path) {
    if (current.kind === 'array' && segment === '[]') current = current.items;
    else if (current.kind === 'object') current = current.properties[segment] as SchemaModel;
    else throw new Error(`no model at ${path.join('/')}`);
  }
  return current;
}

/** Returns a copy of the model with the node at `path` replaced. */
export function replaceAt(model: SchemaModel, path: ModelPath, node: SchemaModel): SchemaModel {
  const [head, ...rest] = path;
  if (head === undefined) return node;
  if (model.kind === 'array') return { ...model, items: replaceAt(model.items, rest, node) };
  if (model.kind === 'object') {
    const child = model.properties[head] as SchemaModel;
    return { ...model, properties: { ...model.properties, [head]: replaceAt(child, rest, node) } };
  }
  throw new Error(`no model at ${path.join('/')}`);
}

/** Builds the smallest instance a model accepts: only required properties, minimal lengths. */
export function minimalInstance(model: SchemaModel): unknown {
  switch (model.kind) {
    case 'string':
      return model.enum ? model.enum[0] : 'a'.repeat(model.minLength ?? 0);
    case 'integer':
    case 'number':
      return model.minimum ?? Math.min(0, model.maximum ?? 0);
    case 'array':
      return Array.from({ length: model.minItems ?? 0 }, () => minimalInstance(model.items));
    case 'object':
      return Object.fromEntries(
        model.required.map((name) => [
          name,
          minimalInstance(model.properties[name] as SchemaModel),
        ]),
      );
  }
}

/** Generates instances a model accepts, null included when it is nullable. */
export function instanceOf(model: SchemaModel): fc.Arbitrary<unknown> {
  const value = nonNullInstanceOf(model);
  return model.nullable ? fc.oneof(fc.constant(null), value) : value;
}

function nonNullInstanceOf(model: SchemaModel): fc.Arbitrary<unknown> {
  switch (model.kind) {
    case 'string':
      if (model.enum) return fc.constantFrom(...model.enum);
      return fc.string({ minLength: model.minLength ?? 0, maxLength: model.maxLength ?? 16 });
    case 'integer':
      return fc.integer({ min: model.minimum ?? -1000, max: model.maximum ?? 1000 });
    case 'number':
      return fc.double({
        min: model.minimum ?? -1000,
        max: model.maximum ?? 1000,
        noNaN: true,
        noDefaultInfinity: true,
      });
    case 'array':
      return fc.array(instanceOf(model.items), {
        minLength: model.minItems ?? 0,
        maxLength: model.maxItems ?? 3,
      });
    case 'object': {
      const entries = Object.entries(model.properties).map(([name, child]) => [
        name,
        instanceOf(child),
      ]);
      return fc.record(Object.fromEntries(entries), { requiredKeys: model.required });
    }
  }
}

/**
 * Returns `instance` with the value at `path` replaced by `value`, filling in the
 * objects and arrays on the way with minimal instances.
 */
export function placeValue(
  model: SchemaModel,
  path: ModelPath,
  value: unknown,
  instance: unknown = minimalInstance(model),
): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  if (model.kind === 'array') {
    const list = Array.isArray(instance) ? [...instance] : [];
    const first = list.length > 0 ? list[0] : minimalInstance(model.items);
    list[0] = placeValue(model.items, rest, value, first);
    return list;
  }
  if (model.kind === 'object') {
    const record = { ...(instance as Record<string, unknown>) };
    const child = model.properties[head] as SchemaModel;
    record[head] = placeValue(child, rest, value, record[head] ?? minimalInstance(child));
    return record;
  }
  throw new Error(`no model at ${path.join('/')}`);
}
