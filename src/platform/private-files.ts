import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The data directory, the database, its key and its backups hold personal data and secrets:
 * they are made readable by their owner only, whatever the umask.
 */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

export function makePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
}

/**
 * Takes group and other access off a file made before files were private. Best effort: a missing
 * file is left missing, and one this user may not change (another owner, a read-only mount) is
 * left as it is.
 */
export function restrictToOwner(file: string): void {
  try {
    if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, PRIVATE_FILE_MODE);
  } catch (error) {
    if (!['ENOENT', 'EPERM', 'EROFS'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
  }
}

/** Creates the file empty and private when it does not exist yet, so whatever fills it later inherits the mode. */
export function touchPrivateFile(file: string): void {
  try {
    fs.closeSync(fs.openSync(file, 'wx', PRIVATE_FILE_MODE));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    restrictToOwner(file);
  }
}

function syncPath(target: string): void {
  const fd = fs.openSync(target, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Writes a file whole or not at all: `write` fills an empty private file under a temporary name
 * beside the target, which is synced and then renamed onto the target. A process killed part
 * way leaves only the temporary file (`.<name>.<random>.partial`), never a partial target.
 */
export async function writeWhole(target: string, write: (temporary: string) => Promise<void> | void): Promise<void> {
  const dir = path.dirname(target);
  const temporary = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.partial`);
  fs.closeSync(fs.openSync(temporary, 'wx', PRIVATE_FILE_MODE));
  try {
    await write(temporary);
    syncPath(temporary);
    fs.renameSync(temporary, target);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
  // The rename itself must reach the disk, or a crash could bring back the old name.
  syncPath(dir);
}
