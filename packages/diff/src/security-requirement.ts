import { asRecord, type OperationView } from '@specgate/core';

import { fixedChange, type OperationContext } from './operation-object.js';

/** One Security Requirement Object: scheme name → required scopes. */
type Requirement = Map<string, Set<string>>;

/**
 * Compares the security that applies to an operation. A client that satisfied one
 * of the base's alternatives keeps working when the revision offers an alternative
 * needing no more schemes and no more scopes. Otherwise the change is breaking.
 */
export function compareSecurity(
  context: OperationContext,
  base: OperationView,
  revision: OperationView,
): void {
  const before = requirementsOf(base);
  const after = requirementsOf(revision);
  if (sameRequirements(before, after)) return;
  const add = fixedChange(context);
  const stranded = before.filter(
    (requirement) => !after.some((candidate) => isSubset(candidate, requirement)),
  );
  if (stranded.length > 0) {
    const described = stranded.map(describe).join(' or ');
    add(
      'endpoint-security-tightened',
      `security tightened: clients authorised with ${described} are no longer accepted as they are (now ${after.map(describe).join(' or ') || 'none'})`,
      base.security ?? base.node,
      revision.security ?? revision.node,
    );
  } else {
    add(
      'endpoint-security-loosened',
      `security loosened to ${after.map(describe).join(' or ') || 'none'}`,
      base.security ?? base.node,
      revision.security ?? revision.node,
    );
  }
}

/** Lists the alternatives a client may satisfy. No security at all is one empty alternative. */
function requirementsOf(operation: OperationView): Requirement[] {
  const list = operation.security?.value;
  if (!Array.isArray(list) || list.length === 0) return [new Map()];
  return list.map((entry) => {
    const requirement: Requirement = new Map();
    for (const [scheme, scopes] of Object.entries(asRecord(entry) ?? {})) {
      requirement.set(scheme, new Set(Array.isArray(scopes) ? scopes.map(String) : []));
    }
    return requirement;
  });
}

function isSubset(candidate: Requirement, satisfied: Requirement): boolean {
  for (const [scheme, scopes] of candidate) {
    const grantedScopes = satisfied.get(scheme);
    if (!grantedScopes) return false;
    for (const scope of scopes) if (!grantedScopes.has(scope)) return false;
  }
  return true;
}

function sameRequirements(a: Requirement[], b: Requirement[]): boolean {
  const key = (list: Requirement[]) => list.map(describe).sort().join('|');
  return key(a) === key(b);
}

function describe(requirement: Requirement): string {
  if (requirement.size === 0) return 'no credentials';
  return [...requirement]
    .map(([scheme, scopes]) =>
      scopes.size > 0 ? `${scheme} [${[...scopes].sort().join(', ')}]` : scheme,
    )
    .sort()
    .join(' + ');
}
