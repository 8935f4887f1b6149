import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

/**
 * What a server holds at rest: the libraries of its rarer work (PDF, workbooks, XML, mail,
 * credentials, passkeys, the PostgreSQL driver on SQLite) are loaded when that work first comes,
 * not with the server's modules. A static import of one of them, added anywhere the server or
 * its command line reaches, puts tens of megabytes back into every process; this names which.
 */
const LOADED_ON_DEMAND = [
  'pdfkit',
  'svg-to-pdfkit',
  'pdfjs-dist',
  'exceljs',
  'xmlbuilder2',
  'nodemailer',
  'qrcode',
  'pg',
  'world-atlas',
  '@simplewebauthn/server',
  '@digitalbazaar/vc',
  '@digitalbazaar/data-integrity',
  '@digitalbazaar/eddsa-rdfc-2022-cryptosuite',
  '@digitalbazaar/ed25519-multikey',
  '@digitalbazaar/bitstring',
];

/**
 * Loads the server's and the command line's modules in a process of their own and prints every
 * package loaded: ES modules as a resolve hook sees them, CommonJS ones from require's cache.
 */
const SCRIPT = `
import { createRequire, register } from 'node:module';
import { MessageChannel } from 'node:worker_threads';
const { port1, port2 } = new MessageChannel();
const urls = [];
const hook = 'let port; export function initialize(data) { port = data.port; } export async function resolve(specifier, context, next) { const resolved = await next(specifier, context); port.postMessage(resolved.url); return resolved; }';
register('data:text/javascript,' + encodeURIComponent(hook), { data: { port: port2 }, transferList: [port2] });
const last = 'node:zlib';
const allSeen = new Promise((resolve) => port1.on('message', (url) => (url === last ? resolve() : urls.push(url))));
await import('./src/app.ts');
await import('./src/cli/program.ts');
await import(last);
await allSeen;
port1.close();
const files = [...urls, ...Object.keys(createRequire(import.meta.url).cache)];
const packages = new Set(files.map((file) => /node_modules\\/((?:@[^/]+\\/)?[^/]+)\\//.exec(file)?.[1]).filter(Boolean));
process.stdout.write(JSON.stringify([...packages]));
`;

describe('a server at rest', () => {
  it('has not loaded the libraries of work it has not done', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', SCRIPT], { encoding: 'utf8', timeout: 60_000 });
    const loaded = JSON.parse(stdout) as string[];
    // The check sees both kinds of module: the framework is CommonJS, the ids package an ES module.
    expect(loaded).toContain('fastify');
    expect(loaded).toContain('uuidv7');
    expect(loaded.filter((name) => LOADED_ON_DEMAND.includes(name))).toEqual([]);
  });
});
