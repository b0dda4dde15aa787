import { createHash, randomUUID } from 'node:crypto';

import { openDatabase, type StoreDatabase } from './database.js';

/** A pacticipant version as the store keeps it. */
export interface VersionRow {
  id: number;
  pacticipantId: number;
  pacticipant: string;
  number: string;
  buildUrl: string | null;
  createdAt: string;
  branches: string[];
}

/** An environment that versions are deployed or released to. */
export interface EnvironmentRow {
  uuid: string;
  name: string;
  displayName: string;
  production: boolean;
  createdAt: string;
}

/** One published pact: the consumer version that published it and its content hash. */
export interface PublicationRow {
  consumer: string;
  provider: string;
  consumerVersion: VersionRow;
  sha: string;
  createdAt: string;
}

/** One verification result of a pact content by a provider version. */
export interface VerificationRow {
  id: number;
  sha: string;
  consumer: string;
  provider: string;
  providerVersion: string;
  success: boolean;
  verifiedBy: string | null;
  buildUrl: string | null;
  createdAt: string;
}

/** A deployment or release of a version to an environment. */
export interface PlacementRow {
  uuid: string;
  kind: 'deployment' | 'release';
  version: VersionRow;
  environment: EnvironmentRow;
  applicationInstance: string | null;
  current: boolean;
  createdAt: string;
}

/** Branch names the store takes as a pacticipant's main branch when none is set. */
const MAIN_BRANCH_CANDIDATES = ['main', 'master', 'develop'];

/**
 * The contract store's data: pacticipants, versions and branches, pact contents keyed
 * by hash, verification results, environments, deployments and releases, in SQLite.
 */
export class ContractStore {
  readonly database: StoreDatabase;
  private readonly now: () => string;

  constructor(dataDir: string | null, now: () => string = () => new Date().toISOString()) {
    this.database = openDatabase(dataDir);
    this.now = now;
  }

  close(): void {
    this.database.close();
  }

  pacticipantNames(): string[] {
    const rows = this.database.prepare('SELECT name FROM pacticipants ORDER BY name').all();
    return rows.map((row) => (row as { name: string }).name);
  }

  findPacticipant(name: string): { id: number; name: string; mainBranch: string | null } | null {
    const row = this.database
      .prepare('SELECT id, name, main_branch AS mainBranch FROM pacticipants WHERE name = ?')
      .get(name) as { id: number; name: string; mainBranch: string | null } | undefined;
    return row ?? null;
  }

  ensurePacticipant(name: string): { id: number; name: string; mainBranch: string | null } {
    const found = this.findPacticipant(name);
    if (found) return found;
    this.database
      .prepare('INSERT INTO pacticipants (name, created_at) VALUES (?, ?)')
      .run(name, this.now());
    return this.findPacticipant(name)!;
  }

  findVersion(pacticipant: string, number: string): VersionRow | null {
    const row = this.database
      .prepare(
        `SELECT v.id, v.pacticipant_id AS pacticipantId, p.name AS pacticipant, v.number,
                v.build_url AS buildUrl, v.created_at AS createdAt
           FROM versions v JOIN pacticipants p ON p.id = v.pacticipant_id
          WHERE p.name = ? AND v.number = ?`,
      )
      .get(pacticipant, number) as Omit<VersionRow, 'branches'> | undefined;
    return row ? this.withBranches(row) : null;
  }

  private versionById(id: number): VersionRow {
    const row = this.database
      .prepare(
        `SELECT v.id, v.pacticipant_id AS pacticipantId, p.name AS pacticipant, v.number,
                v.build_url AS buildUrl, v.created_at AS createdAt
           FROM versions v JOIN pacticipants p ON p.id = v.pacticipant_id WHERE v.id = ?`,
      )
      .get(id) as Omit<VersionRow, 'branches'>;
    return this.withBranches(row);
  }

  private withBranches(row: Omit<VersionRow, 'branches'>): VersionRow {
    const branches = this.database
      .prepare('SELECT branch FROM branch_versions WHERE version_id = ? ORDER BY created_at')
      .all(row.id)
      .map((entry) => (entry as { branch: string }).branch);
    return { ...row, branches };
  }

  /** Creates the version when new, and adds it to `branch` when one is given. */
  ensureVersion(
    pacticipant: string,
    number: string,
    options: { branch?: string | undefined; buildUrl?: string | undefined } = {},
  ): VersionRow {
    const owner = this.ensurePacticipant(pacticipant);
    this.database
      .prepare(
        `INSERT INTO versions (pacticipant_id, number, build_url, created_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (pacticipant_id, number) DO UPDATE SET build_url = COALESCE(excluded.build_url, build_url)`,
      )
      .run(owner.id, number, options.buildUrl ?? null, this.now());
    const version = this.findVersion(pacticipant, number)!;
    if (options.branch) {
      this.database
        .prepare(
          'INSERT OR IGNORE INTO branch_versions (version_id, branch, created_at) VALUES (?, ?, ?)',
        )
        .run(version.id, options.branch, this.now());
      if (owner.mainBranch === null && MAIN_BRANCH_CANDIDATES.includes(options.branch)) {
        this.database
          .prepare('UPDATE pacticipants SET main_branch = ? WHERE id = ?')
          .run(options.branch, owner.id);
      }
    }
    return this.findVersion(pacticipant, number)!;
  }

  /** Stores a pact for a consumer version; the same content always gets the same hash. */
  publishPact(
    consumerVersion: VersionRow,
    provider: string,
    content: Record<string, unknown>,
  ): string {
    const text = JSON.stringify(content);
    const sha = createHash('sha1').update(text).digest('hex');
    const providerRow = this.ensurePacticipant(provider);
    this.database
      .prepare('INSERT OR IGNORE INTO pact_contents (sha, content) VALUES (?, ?)')
      .run(sha, text);
    this.database
      .prepare(
        `INSERT INTO pact_publications (consumer_version_id, provider_id, sha, created_at)
         VALUES (?, ?, ?, ?)
         ON CONFLICT (consumer_version_id, provider_id) DO UPDATE SET sha = excluded.sha`,
      )
      .run(consumerVersion.id, providerRow.id, sha, this.now());
    return sha;
  }

  pactContent(sha: string): Record<string, unknown> | null {
    const row = this.database
      .prepare('SELECT content FROM pact_contents WHERE sha = ?')
      .get(sha) as { content: string } | undefined;
    return row ? (JSON.parse(row.content) as Record<string, unknown>) : null;
  }

  /** Lists every publication for `provider`, newest consumer version first. */
  publicationsFor(provider: string, consumer?: string): PublicationRow[] {
    const rows = this.database
      .prepare(
        `SELECT c.name AS consumer, p.name AS provider, pp.consumer_version_id AS versionId,
                pp.sha, pp.created_at AS createdAt
           FROM pact_publications pp
           JOIN pacticipants p ON p.id = pp.provider_id
           JOIN versions v ON v.id = pp.consumer_version_id
           JOIN pacticipants c ON c.id = v.pacticipant_id
          WHERE p.name = ? AND (? IS NULL OR c.name = ?)
          ORDER BY v.id DESC`,
      )
      .all(provider, consumer ?? null, consumer ?? null) as {
      consumer: string;
      provider: string;
      versionId: number;
      sha: string;
      createdAt: string;
    }[];
    return rows.map((row) => ({
      consumer: row.consumer,
      provider: row.provider,
      consumerVersion: this.versionById(row.versionId),
      sha: row.sha,
      createdAt: row.createdAt,
    }));
  }

  /** Lists the pacts a consumer version published, one per provider. */
  publicationsOf(consumerVersion: VersionRow): PublicationRow[] {
    const rows = this.database
      .prepare(
        `SELECT p.name AS provider, pp.sha, pp.created_at AS createdAt
           FROM pact_publications pp JOIN pacticipants p ON p.id = pp.provider_id
          WHERE pp.consumer_version_id = ? ORDER BY p.name`,
      )
      .all(consumerVersion.id) as { provider: string; sha: string; createdAt: string }[];
    return rows.map((row) => ({
      consumer: consumerVersion.pacticipant,
      provider: row.provider,
      consumerVersion,
      sha: row.sha,
      createdAt: row.createdAt,
    }));
  }

  recordVerification(input: {
    sha: string;
    consumer: string;
    providerVersion: VersionRow;
    success: boolean;
    verifiedBy: string | null;
    buildUrl: string | null;
    body: unknown;
  }): VerificationRow {
    const consumer = this.ensurePacticipant(input.consumer);
    const result = this.database
      .prepare(
        `INSERT INTO verifications
           (sha, consumer_id, provider_version_id, success, verified_by, build_url, body, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        input.sha,
        consumer.id,
        input.providerVersion.id,
        input.success ? 1 : 0,
        input.verifiedBy,
        input.buildUrl,
        JSON.stringify(input.body),
        this.now(),
      );
    return this.verificationById(Number(result.lastInsertRowid))!;
  }

  verificationById(id: number): VerificationRow | null {
    const row = this.database.prepare(`${VERIFICATION_SELECT} WHERE vr.id = ?`).get(id) as
      RawVerification | undefined;
    return row ? toVerification(row) : null;
  }

  /** Finds the newest verification of a pact content by one provider version, if any. */
  latestVerification(sha: string, providerVersion: VersionRow): VerificationRow | null {
    const row = this.database
      .prepare(
        `${VERIFICATION_SELECT} WHERE vr.sha = ? AND vr.provider_version_id = ? ORDER BY vr.id DESC LIMIT 1`,
      )
      .get(sha, providerVersion.id) as RawVerification | undefined;
    return row ? toVerification(row) : null;
  }

  /** Lists every verification made by a provider version, newest first. */
  verificationsBy(providerVersion: VersionRow): VerificationRow[] {
    const rows = this.database
      .prepare(`${VERIFICATION_SELECT} WHERE vr.provider_version_id = ? ORDER BY vr.id DESC`)
      .all(providerVersion.id) as RawVerification[];
    return rows.map(toVerification);
  }

  /** Lists every verification of a pact content, newest first. */
  verificationsOf(sha: string): VerificationRow[] {
    const rows = this.database
      .prepare(`${VERIFICATION_SELECT} WHERE vr.sha = ? ORDER BY vr.id DESC`)
      .all(sha) as RawVerification[];
    return rows.map(toVerification);
  }

  /** Checks whether a pact content has a successful verification, by a version on `branch` when one is given. */
  hasSuccessfulVerification(sha: string, provider: string, branch: string | null): boolean {
    const row = this.database
      .prepare(
        `SELECT 1 FROM verifications vr
           JOIN versions v ON v.id = vr.provider_version_id
           JOIN pacticipants p ON p.id = v.pacticipant_id
          WHERE vr.sha = ? AND p.name = ? AND vr.success = 1
            AND (? IS NULL OR EXISTS (SELECT 1 FROM branch_versions b
                                       WHERE b.version_id = v.id AND b.branch = ?))
          LIMIT 1`,
      )
      .get(sha, provider, branch, branch);
    return row !== undefined;
  }

  environments(): EnvironmentRow[] {
    return (
      this.database.prepare(`${ENVIRONMENT_SELECT} ORDER BY name`).all() as (Omit<
        EnvironmentRow,
        'production'
      > & { production: number })[]
    ).map(toEnvironment);
  }

  findEnvironment(nameOrUuid: string): EnvironmentRow | null {
    const row = this.database
      .prepare(`${ENVIRONMENT_SELECT} WHERE name = ? OR uuid = ?`)
      .get(nameOrUuid, nameOrUuid) as
      (Omit<EnvironmentRow, 'production'> & { production: number }) | undefined;
    return row ? toEnvironment(row) : null;
  }

  createEnvironment(input: {
    name: string;
    displayName?: string | undefined;
    production: boolean;
  }): EnvironmentRow {
    const uuid = randomUUID();
    this.database
      .prepare(
        'INSERT INTO environments (uuid, name, display_name, production, created_at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(uuid, input.name, input.displayName ?? input.name, input.production ? 1 : 0, this.now());
    return this.findEnvironment(uuid)!;
  }

  /** Records a deployment; it replaces the one of the same application instance. */
  recordDeployment(
    version: VersionRow,
    environment: EnvironmentRow,
    applicationInstance: string | null,
  ): PlacementRow {
    const uuid = randomUUID();
    const now = this.now();
    this.database.transaction(() => {
      this.database
        .prepare(
          `UPDATE deployed_versions SET currently_deployed = 0, undeployed_at = ?
            WHERE environment_uuid = ? AND currently_deployed = 1
              AND application_instance IS ?
              AND version_id IN (SELECT id FROM versions WHERE pacticipant_id = ?)`,
        )
        .run(now, environment.uuid, applicationInstance, version.pacticipantId);
      this.database
        .prepare(
          `INSERT INTO deployed_versions
             (uuid, version_id, environment_uuid, application_instance, currently_deployed, created_at)
           VALUES (?, ?, ?, ?, 1, ?)`,
        )
        .run(uuid, version.id, environment.uuid, applicationInstance, now);
    })();
    return {
      uuid,
      kind: 'deployment',
      version,
      environment,
      applicationInstance,
      current: true,
      createdAt: now,
    };
  }

  /** Records a release; releases of other versions stay supported. */
  recordRelease(version: VersionRow, environment: EnvironmentRow): PlacementRow {
    const uuid = randomUUID();
    const now = this.now();
    this.database
      .prepare(
        `INSERT INTO released_versions (uuid, version_id, environment_uuid, currently_supported, created_at)
         VALUES (?, ?, ?, 1, ?)
         ON CONFLICT (version_id, environment_uuid) DO UPDATE SET currently_supported = 1`,
      )
      .run(uuid, version.id, environment.uuid, now);
    return {
      uuid,
      kind: 'release',
      version,
      environment,
      applicationInstance: null,
      current: true,
      createdAt: now,
    };
  }

  /** Lists the versions of `pacticipant` currently deployed or supported in an environment, or in any when null. */
  currentVersions(
    pacticipant: string,
    environment: EnvironmentRow | null,
    kinds: { deployed: boolean; released: boolean } = { deployed: true, released: true },
  ): VersionRow[] {
    const ids = new Set<number>();
    const environmentUuid = environment?.uuid ?? null;
    const owner = this.findPacticipant(pacticipant);
    if (!owner) return [];
    if (kinds.deployed) {
      for (const row of this.database
        .prepare(
          `SELECT d.version_id AS id FROM deployed_versions d JOIN versions v ON v.id = d.version_id
            WHERE v.pacticipant_id = ? AND d.currently_deployed = 1
              AND (? IS NULL OR d.environment_uuid = ?)`,
        )
        .all(owner.id, environmentUuid, environmentUuid) as { id: number }[])
        ids.add(row.id);
    }
    if (kinds.released) {
      for (const row of this.database
        .prepare(
          `SELECT r.version_id AS id FROM released_versions r JOIN versions v ON v.id = r.version_id
            WHERE v.pacticipant_id = ? AND r.currently_supported = 1
              AND (? IS NULL OR r.environment_uuid = ?)`,
        )
        .all(owner.id, environmentUuid, environmentUuid) as { id: number }[])
        ids.add(row.id);
    }
    return [...ids].sort((a, b) => a - b).map((id) => this.versionById(id));
  }

  /** Finds the newest version of a pacticipant on a branch, or null. */
  latestOnBranch(pacticipant: string, branch: string): VersionRow | null {
    const row = this.database
      .prepare(
        `SELECT v.id FROM versions v JOIN pacticipants p ON p.id = v.pacticipant_id
           JOIN branch_versions b ON b.version_id = v.id
          WHERE p.name = ? AND b.branch = ? ORDER BY v.id DESC LIMIT 1`,
      )
      .get(pacticipant, branch) as { id: number } | undefined;
    return row ? this.versionById(row.id) : null;
  }

  latestVersion(pacticipant: string): VersionRow | null {
    const row = this.database
      .prepare(
        `SELECT v.id FROM versions v JOIN pacticipants p ON p.id = v.pacticipant_id
          WHERE p.name = ? ORDER BY v.id DESC LIMIT 1`,
      )
      .get(pacticipant) as { id: number } | undefined;
    return row ? this.versionById(row.id) : null;
  }
}

const VERIFICATION_SELECT = `
  SELECT vr.id, vr.sha, c.name AS consumer, p.name AS provider, v.number AS providerVersion,
         vr.success, vr.verified_by AS verifiedBy, vr.build_url AS buildUrl, vr.created_at AS createdAt
    FROM verifications vr
    JOIN pacticipants c ON c.id = vr.consumer_id
    JOIN versions v ON v.id = vr.provider_version_id
    JOIN pacticipants p ON p.id = v.pacticipant_id`;

type RawVerification = Omit<VerificationRow, 'success'> & { success: number };

function toVerification(row: RawVerification): VerificationRow {
  return { ...row, success: row.success === 1 };
}

const ENVIRONMENT_SELECT = `
  SELECT uuid, name, display_name AS displayName, production, created_at AS createdAt
    FROM environments`;

function toEnvironment(
  row: Omit<EnvironmentRow, 'production'> & { production: number },
): EnvironmentRow {
  return { ...row, production: row.production === 1 };
}
