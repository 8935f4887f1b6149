import { type Config, loadConfig } from '../config.js';
import { type Database, migrateToLatest, type MigrationReport, openDatabase } from '../platform/db/database.js';
import { resolveSecretKey } from '../platform/secret.js';

export interface Runtime {
  config: Config;
  database: Database;
  secretKey: string;
  migration: MigrationReport;
  close(): Promise<void>;
}

/** What every command needs: the configuration, a migrated database and the master secret. */
export async function openRuntime(env: Record<string, string | undefined>, overrides: Record<string, string | undefined> = {}): Promise<Runtime> {
  const config = loadConfig({ ...env, ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)) });
  const database = openDatabase(config.database);
  try {
    const migration = await migrateToLatest(database);
    const secretKey = resolveSecretKey(config.secretKey, config.dataDir);
    return { config, database, secretKey, migration, close: () => database.close() };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** Runs a command body with a runtime and always closes the database. */
export async function withRuntime<T>(env: Record<string, string | undefined>, body: (runtime: Runtime) => Promise<T>): Promise<T> {
  const runtime = await openRuntime(env);
  try {
    return await body(runtime);
  } finally {
    await runtime.close();
  }
}
