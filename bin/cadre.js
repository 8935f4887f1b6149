#!/usr/bin/env node
// Runs the built CLI when there is one (npm run build); in a fresh checkout, runs the sources.
import fs from 'node:fs';

const built = new URL('../dist/server/main.js', import.meta.url);
if (fs.existsSync(built)) {
  await import(built.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../src/main.ts', import.meta.url).href);
}
