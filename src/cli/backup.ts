import fs from 'node:fs';
import path from 'node:path';
import { type Config, loadConfig } from '../config.js';
import { rebuildCascade } from '../modules/cascade/cascade.rebuild.js';
import { verifyAuditChain } from '../platform/audit.js';
import { BackupError, backupDatabase, backupKind, copySqliteBackup, readBackupHeader, restoreLogical } from '../platform/db/backup.js';
import { type Database, migrateToLatest, openDatabase } from '../platform/db/database.js';
import { makePrivateDir, writeWhole } from '../platform/private-files.js';
import { findSecretKey, secretKeyFile, secretKeyFingerprint } from '../platform/secret.js';

function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-');
}

/**
 * Opens the configured database, migrated, for a backup or a restore. Unlike the other commands
 * these never make a master secret: a new one would not open the data that is there.
 */
async function withDatabase<T>(config: Config, body: (database: Database) => Promise<T>): Promise<T> {
  const database = openDatabase(config.database);
  try {
    await migrateToLatest(database);
    return await body(database);
  } finally {
    await database.close();
  }
}

function howToBringTheKey(config: Config): string {
  return `Set CADRE_SECRET_KEY to it, or put it in ${secretKeyFile(config.dataDir)} (readable by its owner only), then run again.`;
}

function requireSecretKey(config: Config, doing: string): string {
  const key = findSecretKey(config.secretKey, config.dataDir);
  if (key) return key;
  throw new BackupError(
    `No master secret to ${doing}: CADRE_SECRET_KEY is not set and there is no ${secretKeyFile(config.dataDir)}. Cadre seals passport numbers and issuer keys under it. ${howToBringTheKey(config)}`,
  );
}

export async function backup(env: Record<string, string | undefined>, options: { output?: string | undefined }, out: (line: string) => void) {
  const config = loadConfig(env);
  const keyFingerprint = secretKeyFingerprint(requireSecretKey(config, 'back up with'));
  await withDatabase(config, async (database) => {
    const now = new Date();
    const extension = database.engine === 'sqlite' ? 'db' : 'jsonl.gz';
    const file = path.resolve(options.output ?? path.join(config.dataDir, 'backups', `cadre-${stamp(now)}.${extension}`));
    try {
      makePrivateDir(path.dirname(file));
    } catch (error) {
      throw new BackupError(`Cannot make the directory for ${file}: ${error instanceof Error ? error.message : String(error)}.`);
    }
    const started = performance.now();
    const { kind } = await backupDatabase(database, file, { now, keyFingerprint }).catch((error: unknown) => {
      const { code, message } = error as { code?: unknown; message?: string };
      // The disk full, the directory not writable: the operator's to fix, said plainly.
      if (typeof code === 'string' && /^E[A-Z]+$/.test(code) && code !== 'ECONNREFUSED') throw new BackupError(`Cannot write ${file}: ${message ?? code}. Nothing was written there.`);
      throw error;
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const size = fs.statSync(file).size;
    out(`Wrote a ${kind === 'sqlite' ? 'SQLite' : 'logical'} backup to ${file} (${(size / 1024).toFixed(1)} KiB, ${seconds} s); it needs the master secret with fingerprint ${keyFingerprint}.`);
  });
}

/** Refuses a backup whose sealed data this installation's master secret cannot open. */
async function checkKey(config: Config, file: string, out: (line: string) => void): Promise<void> {
  const { keyFingerprint: needed } = await readBackupHeader(file);
  const key = findSecretKey(config.secretKey, config.dataDir);
  if (!needed) {
    if (!key) throw new BackupError(`${file} does not record which master secret it needs, and there is none here. Bring the secret key it was made with: ${howToBringTheKey(config)}`);
    out(`${file} does not record which master secret it needs: passport numbers and issuer keys open only if this is the key it was made with.`);
    return;
  }
  if (!key) {
    throw new BackupError(`${file} needs the master secret with fingerprint ${needed}, and there is none here. ${howToBringTheKey(config)}`);
  }
  const have = secretKeyFingerprint(key);
  if (have !== needed) {
    throw new BackupError(`${file} needs the master secret with fingerprint ${needed}, but the one here has fingerprint ${have}. ${howToBringTheKey(config)}`);
  }
}

/**
 * Restores a backup. A SQLite backup replaces the database file (stop the server first; the
 * old file is kept beside it); a logical backup loads into an empty database of either engine.
 */
export async function restore(env: Record<string, string | undefined>, file: string, options: { force: boolean }, out: (line: string) => void) {
  if (!fs.existsSync(file)) throw new BackupError(`There is no file ${file}.`);
  const kind = backupKind(file);
  const config = loadConfig(env);
  if (kind === 'sqlite' && config.database.engine !== 'sqlite') throw new BackupError('A SQLite backup restores only to SQLite; a logical backup restores anywhere.');
  await checkKey(config, file, out);
  if (config.database.engine === 'sqlite' && kind === 'sqlite') {
    const target = path.resolve(config.database.file);
    if (fs.existsSync(target)) {
      if (!options.force) throw new BackupError(`${target} exists. Stop Cadre, then run again with --force to replace it (the old file is kept).`);
      const kept = `${target}.before-restore-${stamp(new Date())}`;
      fs.renameSync(target, kept);
      for (const suffix of ['-wal', '-shm']) if (fs.existsSync(target + suffix)) fs.renameSync(target + suffix, kept + suffix);
      out(`Kept the previous database as ${kept}.`);
    }
    makePrivateDir(path.dirname(target));
    await writeWhole(target, (temporary) => copySqliteBackup(file, temporary));
  }
  await withDatabase(config, async (database) => {
    const restored = kind === 'logical' ? `${(await restoreLogical(database, file)).rows} rows into ${database.description}` : `${file} to ${database.description}`;
    // A backup from before the cascade was kept in tables has none: recompute it from what came back.
    if (kind === 'logical') await rebuildCascade(database.db);
    const report = await verifyAuditChain(database.db);
    out(`Restored ${restored}; audit log ${report.problems.length === 0 ? 'intact' : 'NOT intact'} (${report.events} events).`);
  });
}
