/**
 * What the web app's first page costs to download: everything the browser must fetch before the
 * sign-in page (or, signed in, the dashboard) renders. That is index.html's entry script, the
 * chunks it modulepreloads, the chunks the first routes import (read from Vite's manifest when
 * the build writes one), the catalogs of the words those pages show (web/src/locales/namespaces.ts),
 * and the stylesheets it links, each gzipped as a server would send it.
 *
 *   node --import tsx bench/first-load.ts [distDir]    (default dist/web, after `npm run build:web`)
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { type Area, AREA_NAMESPACES, type Namespace, SHELL_NAMESPACE } from '../web/src/locales/namespaces.js';

export type FirstLoadFile = { file: string; gzipBytes: number; kind: 'js' | 'css' };
export type FirstLoad = {
  /** JavaScript alone of the heavier first page, the figure held to the 200 KB gz target. */
  totalGzipBytes: number;
  /** What the heavier first page downloads, stylesheets included. */
  files: FirstLoadFile[];
  cssGzipBytes: number;
  /** Each first page apart. */
  pages: { route: string; jsGzipBytes: number; cssGzipBytes: number }[];
};

type ManifestChunk = { file: string; src?: string; isEntry?: boolean; isDynamicEntry?: boolean; imports?: string[]; css?: string[] };
type Manifest = Record<string, ManifestChunk>;

/**
 * Modules the first page renders through, beyond the entry: the route modules of sign-in and the
 * dashboard. Their chunks, and what those import statically, load before the page paints.
 */
export const FIRST_ROUTE_SOURCES = ['src/features/auth/pages.ts', 'src/features/home/pages.ts'];

/** A catalog chunk's source: one namespace of one language. */
const LOCALE_CATALOG = /^src\/locales\/([a-z]{2})\/([a-z]+)\.json$/;

/**
 * The words a first page waits for: the router loads its area's namespaces with its chunk. The
 * shell's English is in the entry; every other namespace is a chunk in each language, and
 * i18next loads English's besides the reader's (its fallback).
 */
function catalogKeys(manifest: Manifest, route: string): Map<string, string[]> {
  const area = /^src\/features\/([a-z]+)\/pages\.ts$/.exec(route)?.[1] as Area | undefined;
  const namespaces: Namespace[] = [SHELL_NAMESPACE, ...(area ? AREA_NAMESPACES[area] : [])];
  const byLanguage = new Map<string, string[]>();
  for (const key of Object.keys(manifest)) {
    const [, language, namespace] = LOCALE_CATALOG.exec(key) ?? [];
    if (!language || !namespaces.includes(namespace as Namespace)) continue;
    byLanguage.set(language, [...(byLanguage.get(language) ?? []), key]);
  }
  return byLanguage;
}

function attributeValues(html: string, tag: string, test: RegExp, attribute: string): string[] {
  const tags = html.match(new RegExp(`<${tag}\\b[^>]*>`, 'g')) ?? [];
  return tags.filter((t) => test.test(t)).flatMap((t) => new RegExp(`\\b${attribute}="([^"]+)"`).exec(t)?.[1] ?? []);
}

async function readManifest(distDir: string): Promise<Manifest | undefined> {
  const file = path.join(distDir, '.vite', 'manifest.json');
  return existsSync(file) ? (JSON.parse(await readFile(file, 'utf8')) as Manifest) : undefined;
}

/** A chunk's file and the files of every chunk it imports statically, and their stylesheets. */
function withStaticImports(manifest: Manifest, key: string, into: Set<string>): void {
  const chunk = manifest[key];
  if (!chunk || into.has(chunk.file)) return;
  into.add(chunk.file);
  for (const css of chunk.css ?? []) into.add(css);
  for (const imported of chunk.imports ?? []) withStaticImports(manifest, imported, into);
}

export async function measureFirstLoad(distDir: string): Promise<FirstLoad> {
  const html = await readFile(path.join(distDir, 'index.html'), 'utf8');
  const shell = new Set<string>();
  const strip = (href: string) => href.replace(/^\//, '');
  for (const src of attributeValues(html, 'script', /type="module"/, 'src')) shell.add(strip(src));
  for (const href of attributeValues(html, 'link', /rel="modulepreload"/, 'href')) shell.add(strip(href));
  for (const href of attributeValues(html, 'link', /rel="stylesheet"/, 'href')) shell.add(strip(href));

  const manifest = await readManifest(distDir);
  let pages = [{ route: 'index.html', files: shell }];
  if (manifest) {
    // Sign-in and the dashboard are each a first page: the heavier one is the figure.
    pages = await Promise.all(
      FIRST_ROUTE_SOURCES.map(async (route) => {
        const files = new Set(shell);
        withStaticImports(manifest, route, files);
        // The page's words in English, and in the other language whose catalogs weigh most: that
        // reader stands for everyone not reading English.
        const catalogs = catalogKeys(manifest, route);
        for (const key of catalogs.get('en') ?? []) withStaticImports(manifest, key, files);
        const others = await Promise.all(
          [...catalogs].filter(([language]) => language !== 'en').map(async ([, keys]) => {
            const sizes = await Promise.all(keys.map((key) => gzipped(distDir, manifest[key]!.file)));
            return { keys, gzipBytes: sizes.reduce((total, size) => total + size, 0) };
          }),
        );
        const heaviest = others.sort((a, b) => b.gzipBytes - a.gzipBytes)[0];
        for (const key of heaviest?.keys ?? []) withStaticImports(manifest, key, files);
        return { route, files };
      }),
    );
  }

  const measured = await Promise.all(
    pages.map(async ({ route, files: names }) => {
      const files = await Promise.all(
        [...names].map(async (file): Promise<FirstLoadFile> => ({ file, gzipBytes: await gzipped(distDir, file), kind: file.endsWith('.css') ? 'css' : 'js' })),
      );
      files.sort((a, b) => a.kind.localeCompare(b.kind) || b.gzipBytes - a.gzipBytes);
      const sum = (kind: 'js' | 'css') => files.filter((f) => f.kind === kind).reduce((total, f) => total + f.gzipBytes, 0);
      return { route, totalGzipBytes: sum('js'), cssGzipBytes: sum('css'), files };
    }),
  );
  const heaviest = measured.reduce((a, b) => (b.totalGzipBytes > a.totalGzipBytes ? b : a));
  return { ...heaviest, pages: measured.map(({ route, totalGzipBytes, cssGzipBytes }) => ({ route, jsGzipBytes: totalGzipBytes, cssGzipBytes })) };
}

async function gzipped(distDir: string, file: string): Promise<number> {
  return gzipSync(await readFile(path.join(distDir, file)), { level: 9 }).length;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const distDir = path.resolve(process.argv[2] ?? 'dist/web');
  const { totalGzipBytes, cssGzipBytes, files, pages } = await measureFirstLoad(distDir);
  const lines = ['| file | kind | gzip |', '| --- | --- | --- |', ...files.map((f) => `| ${f.file} | ${f.kind} | ${kb(f.gzipBytes)} |`), ''];
  for (const page of pages) lines.push(`${page.route}: JavaScript ${kb(page.jsGzipBytes)} gz, CSS ${kb(page.cssGzipBytes)} gz`);
  lines.push(`first-load JavaScript ${kb(totalGzipBytes)} gz (target ≤ 200 KB); CSS ${kb(cssGzipBytes)} gz`);
  process.stdout.write(`${lines.join('\n')}\n`);
}
