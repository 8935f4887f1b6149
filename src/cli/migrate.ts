import { loadConfig } from '../config.js';
import { migrateToLatest, openDatabase, pendingMigrations } from '../platform/db/database.js';

export async function migrate(env: Record<string, string | undefined>, options: { status: boolean }, out: (line: string) => void) {
  const config = loadConfig(env);
  const database = openDatabase(config.database);
  try {
    if (options.status) {
      const pending = await pendingMigrations(database);
      out(pending.length === 0 ? 'The database is up to date.' : `Pending migrations:\n  ${pending.join('\n  ')}`);
      return;
    }
    const report = await migrateToLatest(database);
    out(report.applied.length === 0 ? 'The database was already up to date.' : `Applied:\n  ${report.applied.join('\n  ')}`);
  } finally {
    await database.close();
  }
}
