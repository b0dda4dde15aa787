import type { IHttpOperation } from './prism.js';
import type { PrismDiagnostic } from './violations.js';

/**
 * Checks that repeated query keys fit each parameter's serialisation. Prism 5.12 reads
 * `?limit=1&limit=2` as an array and reports "must be integer", and accepts
 * `?ids=1&ids=2` for a `form` array with `explode: false`, whose only form is
 * `?ids=1,2`. Both get a diagnostic that names the real problem.
 */
export function checkQueryStyle(
  operation: IHttpOperation,
  query: Readonly<Record<string, string | string[]>> | undefined,
): PrismDiagnostic[] {
  const diagnostics: PrismDiagnostic[] = [];
  for (const parameter of operation.request?.query ?? []) {
    const value = query?.[parameter.name];
    if (!Array.isArray(value)) continue;
    const schema = parameter.schema as { type?: unknown } | undefined;
    const isArray =
      schema?.type === 'array' || (Array.isArray(schema?.type) && schema.type.includes('array'));
    const style = parameter.style === 'unspecified' ? 'form' : parameter.style;
    const explode = parameter.explode ?? style === 'form';
    if (isArray && style === 'form' && explode) continue;
    const message = isArray
      ? `Request query parameter ${parameter.name} is repeated ${value.length} times, but its ${style} style with explode false takes one comma-separated value, e.g. ${parameter.name}=${value.join(',')}`
      : `Request query parameter ${parameter.name} is repeated ${value.length} times, but it takes one value`;
    diagnostics.push({ path: ['query', parameter.name], code: 'style', message, severity: 0 });
  }
  return diagnostics;
}

/** Adds specgate's own diagnostics, replacing Prism's at the same query parameter. */
export function mergeDiagnostics(
  prism: readonly PrismDiagnostic[],
  own: readonly PrismDiagnostic[],
): PrismDiagnostic[] {
  if (own.length === 0) return [...prism];
  const replaced = new Set(own.map((diagnostic) => String(diagnostic.path?.[1])));
  const kept = prism.filter(
    (diagnostic) => diagnostic.path?.[0] !== 'query' || !replaced.has(String(diagnostic.path[1])),
  );
  return [...kept, ...own];
}
