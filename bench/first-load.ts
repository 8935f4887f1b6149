import fs from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * The JavaScript a first visit loads before anything is shown: the entry script of the built
 * index.html and the modules it preloads, each counted gzipped (as served).
 */
export async function measureFirstLoad(distDir: string): Promise<{ totalGzipBytes: number; files: { file: string; gzipBytes: number }[] }> {
  const html = await fs.readFile(path.join(distDir, 'index.html'), 'utf8');
  const sources = new Set<string>();
  for (const match of html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)) sources.add(match[1] as string);
  for (const match of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) sources.add(match[1] as string);
  const files = await Promise.all(
    [...sources].map(async (src) => {
      const file = path.join(distDir, src.replace(/^\//, ''));
      return { file: path.relative(distDir, file), gzipBytes: gzipSync(await fs.readFile(file), { level: 9 }).length };
    }),
  );
  return { totalGzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0), files };
}
