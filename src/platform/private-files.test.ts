import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { restrictToOwner, touchPrivateFile, writeWhole } from './private-files.js';

let dir: string;
const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-private-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('private files', () => {
  it('narrows a file made readable by others, and creates new ones private', () => {
    const old = path.join(dir, 'old.db');
    fs.writeFileSync(old, 'data', { mode: 0o644 });
    fs.chmodSync(old, 0o644);
    restrictToOwner(old);
    expect(modeOf(old)).toBe(0o600);
    const fresh = path.join(dir, 'fresh.db');
    touchPrivateFile(fresh);
    expect(modeOf(fresh)).toBe(0o600);
    expect(() => restrictToOwner(path.join(dir, 'missing'))).not.toThrow();
  });

  it('writes a file whole, private, or leaves nothing at its name', async () => {
    const target = path.join(dir, 'backup.db');
    await writeWhole(target, (temporary) => fs.writeFileSync(temporary, 'whole'));
    expect(fs.readFileSync(target, 'utf8')).toBe('whole');
    expect(modeOf(target)).toBe(0o600);

    const failed = path.join(dir, 'failed.db');
    await expect(
      writeWhole(failed, (temporary) => {
        fs.writeFileSync(temporary, 'half');
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(fs.readdirSync(dir)).toEqual(['backup.db']);
  });
});
