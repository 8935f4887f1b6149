import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/**
 * What a server holds at rest: the libraries of its rarer work (PDF, workbooks, XML, mail, the
 * PostgreSQL driver on SQLite) are loaded when that work first comes, not with the server's
 * modules. A static import of one of them, added anywhere, puts tens of megabytes back into
 * every process; this names which.
 */
const LOADED_ON_DEMAND = ['pdfkit', 'svg-to-pdfkit', 'exceljs', 'xmlbuilder2', 'nodemailer', 'qrcode', 'pg', 'pdfjs-dist', 'world-atlas'];

describe('a server at rest', () => {
  it('has not loaded the libraries of work it has not done', () => {
    const script = [
      "await import('./src/app.ts');",
      "const { createRequire } = await import('node:module');",
      'const loaded = new Set(Object.keys(createRequire(import.meta.url).cache).map((file) => /node_modules\\/((?:@[^/]+\\/)?[^/]+)\\//.exec(file)?.[1]).filter(Boolean));',
      'process.stdout.write(JSON.stringify([...loaded]));',
    ].join('\n');
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toBe('');
    const loaded = JSON.parse(run.stdout) as string[];
    // The check itself sees what is loaded: the server's own framework is there.
    expect(loaded).toContain('fastify');
    expect(loaded.filter((name) => LOADED_ON_DEMAND.includes(name))).toEqual([]);
  });
});
