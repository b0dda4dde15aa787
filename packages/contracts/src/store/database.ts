import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';

import Database from 'better-sqlite3';
import { SpecgateError } from '@specgate/core';

/** The SQLite handle the contract store keeps its tables in. */
export type StoreDatabase = Database.Database;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS pacticipants (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  main_branch TEXT,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS versions (
  id INTEGER PRIMARY KEY,
  pacticipant_id INTEGER NOT NULL REFERENCES pacticipants(id),
  number TEXT NOT NULL,
  build_url TEXT,
  created_at TEXT NOT NULL,
  UNIQUE (pacticipant_id, number)
);
CREATE TABLE IF NOT EXISTS branch_versions (
  version_id INTEGER NOT NULL REFERENCES versions(id),
  branch TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (version_id, branch)
);
CREATE TABLE IF NOT EXISTS pact_contents (
  sha TEXT PRIMARY KEY,
  content TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS pact_publications (
  id INTEGER PRIMARY KEY,
  consumer_version_id INTEGER NOT NULL REFERENCES versions(id),
  provider_id INTEGER NOT NULL REFERENCES pacticipants(id),
  sha TEXT NOT NULL REFERENCES pact_contents(sha),
  created_at TEXT NOT NULL,
  UNIQUE (consumer_version_id, provider_id)
);
CREATE TABLE IF NOT EXISTS verifications (
  id INTEGER PRIMARY KEY,
  sha TEXT NOT NULL REFERENCES pact_contents(sha),
  consumer_id INTEGER NOT NULL REFERENCES pacticipants(id),
  provider_version_id INTEGER NOT NULL REFERENCES versions(id),
  success INTEGER NOT NULL,
  verified_by TEXT,
  build_url TEXT,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS environments (
  uuid TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  production INTEGER NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS deployed_versions (
  uuid TEXT PRIMARY KEY,
  version_id INTEGER NOT NULL REFERENCES versions(id),
  environment_uuid TEXT NOT NULL REFERENCES environments(uuid),
  application_instance TEXT,
  currently_deployed INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  undeployed_at TEXT
);
CREATE TABLE IF NOT EXISTS released_versions (
  uuid TEXT PRIMARY KEY,
  version_id INTEGER NOT NULL REFERENCES versions(id),
  environment_uuid TEXT NOT NULL REFERENCES environments(uuid),
  currently_supported INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (version_id, environment_uuid)
);
`;

/**
 * Opens (creating when needed) the store's database: `contracts.sqlite` in `dataDir`,
 * or an in-memory database when `dataDir` is null.
 */
export function openDatabase(dataDir: string | null): StoreDatabase {
  let file = ':memory:';
  if (dataDir !== null) {
    makeDataDir(dataDir);
    file = path.join(dataDir, 'contracts.sqlite');
  }
  let database: StoreDatabase;
  try {
    database = new Database(file);
  } catch (error) {
    throw new SpecgateError(
      'USAGE',
      `cannot open the store database ${file} (${(error as Error).message}). Pass --data with a writable folder.`,
      { cause: error },
    );
  }
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  database.exec(SCHEMA);
  return database;
}

/**
 * Creates the data folder one level at a time. On Node 20, recursive mkdir of /proc/nope spun
 * without end (procfs rejects the child with ENOENT although the parent exists), so each
 * missing level is created on its own and the first failure raises a USAGE error.
 */
function makeDataDir(dataDir: string): void {
  const missing: string[] = [];
  let current = path.resolve(dataDir);
  for (;;) {
    const stats = statOrNothing(current);
    if (stats) {
      if (!stats.isDirectory()) {
        throw new SpecgateError(
          'USAGE',
          `store data folder ${dataDir}: ${current} is a file, not a folder. Pass --data with a folder path.`,
        );
      }
      break;
    }
    missing.unshift(current);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const folder of missing) {
    try {
      mkdirSync(folder);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      throw new SpecgateError(
        'USAGE',
        `cannot create the store data folder ${folder} (${code}). Pass --data with a writable folder.`,
        { cause: error },
      );
    }
  }
}

/** Returns a path's stats, or undefined when it or a parent folder is missing or a file. */
function statOrNothing(file: string) {
  try {
    return statSync(file, { throwIfNoEntry: false });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
    throw error;
  }
}
