import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config.js';
import { verifyAuditChain } from '../platform/audit.js';
import { BackupError, backupDatabase, backupKind, restoreLogical } from '../platform/db/backup.js';
import { migrateToLatest, openDatabase } from '../platform/db/database.js';
import { withRuntime } from './runtime.js';

function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-');
}

export async function backup(env: Record<string, string | undefined>, options: { output?: string | undefined }, out: (line: string) => void) {
  await withRuntime(env, async ({ config, database }) => {
    const now = new Date();
    const extension = database.engine === 'sqlite' ? 'db' : 'jsonl.gz';
    const file = path.resolve(options.output ?? path.join(config.dataDir, 'backups', `cadre-${stamp(now)}.${extension}`));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const { kind } = await backupDatabase(database, file, now);
    const size = fs.statSync(file).size;
    out(`Wrote a ${kind === 'sqlite' ? 'SQLite online' : 'logical'} backup to ${file} (${(size / 1024).toFixed(1)} KiB).`);
  });
}

/**
 * Restores a backup. A SQLite backup replaces the database file (stop the server first; the
 * old file is kept beside it); a logical backup loads into an empty database of either engine.
 */
export async function restore(env: Record<string, string | undefined>, file: string, options: { force: boolean }, out: (line: string) => void) {
  if (!fs.existsSync(file)) throw new BackupError(`There is no file ${file}.`);
  const kind = backupKind(file);
  const config = loadConfig(env);
  if (kind === 'sqlite') {
    if (config.database.engine !== 'sqlite') throw new BackupError('A SQLite backup restores only to SQLite; a logical backup restores anywhere.');
    const target = path.resolve(config.database.file);
    if (fs.existsSync(target)) {
      if (!options.force) throw new BackupError(`${target} exists. Stop Cadre, then run again with --force to replace it (the old file is kept).`);
      const kept = `${target}.before-restore-${stamp(new Date())}`;
      fs.renameSync(target, kept);
      for (const suffix of ['-wal', '-shm']) if (fs.existsSync(target + suffix)) fs.renameSync(target + suffix, kept + suffix);
      out(`Kept the previous database as ${kept}.`);
    }
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(file, target);
    const database = openDatabase(config.database);
    try {
      await migrateToLatest(database);
      const report = await verifyAuditChain(database.db);
      out(`Restored ${file} to ${target}; audit log ${report.problems.length === 0 ? 'intact' : 'NOT intact'} (${report.events} events).`);
    } finally {
      await database.close();
    }
    return;
  }
  await withRuntime(env, async ({ database }) => {
    const { rows } = await restoreLogical(database, file);
    const report = await verifyAuditChain(database.db);
    out(`Restored ${rows} rows into ${database.description}; audit log ${report.problems.length === 0 ? 'intact' : 'NOT intact'} (${report.events} events).`);
  });
}
