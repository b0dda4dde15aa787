import type {
  EnvironmentRow,
  PlacementRow,
  VersionRow,
  VerificationRow,
} from './contract-store.js';
import type { MatrixResult, MatrixRow } from './matrix.js';

/**
 * HAL renderings of the store's resources, shaped like the Pact Broker's so its
 * clients can follow the same links. `base` is the server's own URL.
 */

export const enc = encodeURIComponent;

export function indexResource(base: string): object {
  const link = (href: string, title: string, templated = false) => ({
    href: `${base}${href}`,
    title,
    ...(templated ? { templated: true } : {}),
  });
  return {
    _links: {
      self: link('/', 'Index'),
      'pb:publish-contracts': link('/contracts/publish', 'Publish contracts'),
      'pb:provider-pacts-for-verification': link(
        '/pacts/provider/{provider}/for-verification',
        'Pacts to be verified',
        true,
      ),
      'pb:latest-provider-pacts': link(
        '/pacts/provider/{provider}/latest',
        'Latest pacts by provider',
        true,
      ),
      'pb:pacticipants': link('/pacticipants', 'Pacticipants'),
      'pb:pacticipant': link('/pacticipants/{pacticipant}', 'Fetch pacticipant by name', true),
      'pb:pacticipant-version': link(
        '/pacticipants/{pacticipant}/versions/{version}',
        'Get, create or delete a pacticipant version',
        true,
      ),
      'pb:environments': link('/environments', 'Environments'),
      'pb:environment': link('/environments/{uuid}', 'Environment', true),
      'pb:can-i-deploy-pacticipant-version-to-environment': link(
        '/can-i-deploy?pacticipant={pacticipant}&version={version}&environment={environment}',
        'Determine if an application version can be safely deployed to an environment',
        true,
      ),
      curies: [{ name: 'pb', href: `${base}/doc/{rel}?context=index`, templated: true }],
    },
  };
}

export function pacticipantResource(
  base: string,
  pacticipant: { name: string; mainBranch: string | null },
): object {
  const self = `${base}/pacticipants/${enc(pacticipant.name)}`;
  return {
    name: pacticipant.name,
    displayName: pacticipant.name,
    mainBranch: pacticipant.mainBranch,
    _links: {
      self: { href: self },
      'pb:versions': { href: `${self}/versions` },
      'pb:version': { href: `${self}/versions/{version}`, templated: true },
      'pb:branch-version': {
        href: `${self}/branches/{branch}/versions/{version}`,
        templated: true,
      },
      'pb:environments': { href: `${base}/environments` },
    },
  };
}

export function versionResource(
  base: string,
  version: VersionRow,
  environments: EnvironmentRow[],
): object {
  const self = `${base}/pacticipants/${enc(version.pacticipant)}/versions/${enc(version.number)}`;
  const environmentLinks = (kind: 'deployed' | 'released') =>
    environments.map((environment) => ({
      name: environment.name,
      title: `Record ${kind === 'deployed' ? 'deployment' : 'release'} to ${environment.displayName}`,
      href: `${self}/${kind}-versions/environment/${environment.uuid}`,
    }));
  return {
    number: version.number,
    buildUrl: version.buildUrl,
    createdAt: version.createdAt,
    _embedded: {
      branchVersions: version.branches.map((branch) => ({
        name: branch,
        _links: {
          self: {
            href: `${base}/pacticipants/${enc(version.pacticipant)}/branches/${enc(branch)}/versions/${enc(version.number)}`,
          },
        },
      })),
      tags: [],
    },
    _links: {
      self: { href: self, title: 'Version', name: version.number },
      'pb:pacticipant': {
        href: `${base}/pacticipants/${enc(version.pacticipant)}`,
        name: version.pacticipant,
      },
      'pb:record-deployment': environmentLinks('deployed'),
      'pb:record-release': environmentLinks('released'),
    },
  };
}

export function environmentResource(base: string, environment: EnvironmentRow): object {
  return {
    uuid: environment.uuid,
    name: environment.name,
    displayName: environment.displayName,
    production: environment.production,
    createdAt: environment.createdAt,
    contacts: [],
    _links: {
      self: { href: `${base}/environments/${environment.uuid}`, name: environment.name },
    },
  };
}

export function environmentsResource(base: string, environments: EnvironmentRow[]): object {
  return {
    _embedded: {
      environments: environments.map((environment) => environmentResource(base, environment)),
    },
    _links: { self: { href: `${base}/environments` } },
  };
}

export function placementResource(base: string, placement: PlacementRow): object {
  const kind = placement.kind === 'deployment' ? 'deployed-versions' : 'released-versions';
  return {
    uuid: placement.uuid,
    ...(placement.kind === 'deployment'
      ? {
          currentlyDeployed: placement.current,
          target: placement.applicationInstance,
          applicationInstance: placement.applicationInstance,
        }
      : { currentlySupported: placement.current }),
    createdAt: placement.createdAt,
    _embedded: {
      version: { number: placement.version.number },
      environment: environmentResource(base, placement.environment),
    },
    _links: { self: { href: `${base}/${kind}/${placement.uuid}` } },
  };
}

export function pactPath(base: string, provider: string, consumer: string, sha: string): string {
  return `${base}/pacts/provider/${enc(provider)}/consumer/${enc(consumer)}/pact-version/${sha}`;
}

export function pactResource(
  base: string,
  pact: { provider: string; consumer: string; sha: string; content: Record<string, unknown> },
): object {
  const self = pactPath(base, pact.provider, pact.consumer, pact.sha);
  return {
    ...pact.content,
    _links: {
      self: { href: self, title: 'Pact' },
      'pb:consumer': {
        href: `${base}/pacticipants/${enc(pact.consumer)}`,
        title: 'Consumer',
        name: pact.consumer,
      },
      'pb:provider': {
        href: `${base}/pacticipants/${enc(pact.provider)}`,
        title: 'Provider',
        name: pact.provider,
      },
      'pb:publish-verification-results': {
        href: `${self}/verification-results`,
        title: 'Publish verification results',
      },
    },
  };
}

export function verificationResource(base: string, verification: VerificationRow): object {
  const pact = pactPath(base, verification.provider, verification.consumer, verification.sha);
  return {
    success: verification.success,
    providerApplicationVersion: verification.providerVersion,
    buildUrl: verification.buildUrl,
    verifiedBy: verification.verifiedBy,
    verificationDate: verification.createdAt,
    _links: {
      self: {
        href: `${pact}/verification-results/${verification.id}`,
        title: 'Verification result',
      },
      'pb:pact-version': { href: pact },
    },
  };
}

export function matrixResource(base: string, result: MatrixResult): object {
  return {
    summary: result.summary,
    notices: [
      {
        type:
          result.summary.deployable === true
            ? 'success'
            : result.summary.deployable === false
              ? 'danger'
              : 'warning',
        text: result.summary.reason,
      },
    ],
    matrix: result.rows.map((row) => matrixRow(base, row)),
  };
}

function matrixRow(base: string, row: MatrixRow): object {
  return {
    consumer: {
      name: row.consumer,
      version: {
        number: row.consumerVersion.number,
        branch: row.consumerVersion.branches.at(-1) ?? null,
      },
    },
    provider: {
      name: row.provider,
      version: row.providerVersion
        ? {
            number: row.providerVersion.number,
            branch: row.providerVersion.branches.at(-1) ?? null,
          }
        : null,
    },
    pact: {
      createdAt: row.consumerVersion.createdAt,
      _links: { self: { href: pactPath(base, row.provider, row.consumer, row.sha) } },
    },
    verificationResult: row.verification
      ? {
          success: row.verification.success,
          verifiedAt: row.verification.createdAt,
          verifiedBy: row.verification.verifiedBy,
          _links: {
            self: {
              href: `${pactPath(base, row.provider, row.consumer, row.sha)}/verification-results/${row.verification.id}`,
            },
          },
        }
      : null,
  };
}
