// Builds Cadre before `npm start` when the build is missing or older than the sources, so a
// fresh checkout starts with `npm ci && npm start` and a rebuilt one starts at once.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const outputs = ['dist/server/main.js', 'dist/web/index.html'].map((f) => path.join(root, f));
const sources = ['src', 'web', 'package.json', 'package-lock.json', 'vite.config.ts', 'tsconfig.build.json'];

function newest(target) {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = 0;
  for (const entry of fs.readdirSync(target)) latest = Math.max(latest, newest(path.join(target, entry)));
  return latest;
}

const builtAt = Math.min(...outputs.map((f) => (fs.existsSync(f) ? fs.statSync(f).mtimeMs : 0)));
const changedAt = Math.max(...sources.map((s) => newest(path.join(root, s))));
if (builtAt < changedAt) {
  process.stdout.write('Building Cadre (server and web app)…\n');
  execSync('npm run build', { cwd: root, stdio: 'inherit' });
}
