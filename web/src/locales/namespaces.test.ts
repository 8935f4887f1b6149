import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Area, AREA_NAMESPACES, type Namespace, SECTIONS, SHELL_NAMESPACE } from './namespaces';

/**
 * A page shows only words whose namespace has loaded, or it would show keys: the shell's modules
 * use the shell's sections alone, and an area's modules (what its pages.ts imports, at any depth)
 * those of the shell and of the namespaces AREA_NAMESPACES gives the area, which the router loads.
 */

const webSource = path.resolve(import.meta.dirname, '..');
const namespaceOf = new Map<string, Namespace>(Object.entries(SECTIONS).flatMap(([namespace, sections]) => sections.map((section): [string, Namespace] => [section, namespace as Namespace])));
const KEY = new RegExp(`['"\`](${[...namespaceOf.keys()].join('|')})\\.[a-zA-Z]`, 'g');
const IMPORT = /^(?:import|export)(?!\s+type\b)[^'"]*?['"](\.{1,2}\/[^'"]+)['"]/gm;

const SPEAK_OF_KEYS = ['i18n.ts', path.join('locales', 'namespaces.ts')];

function resolveImport(from: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(from), specifier.replace(/\.js$/, ''));
  return [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')].find((file) => file.startsWith(webSource) && fs.existsSync(file) && fs.statSync(file).isFile());
}

/** The web app's modules a module imports, at any depth (statically: a dynamic import is another chunk). */
function modulesOf(entry: string): string[] {
  const seen = new Set([entry]);
  for (const file of seen) {
    if (!/\.tsx?$/.test(file)) continue;
    for (const [, specifier] of fs.readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const imported = specifier && resolveImport(file, specifier);
      if (imported) seen.add(imported);
    }
  }
  return [...seen];
}

/** Each key section a module names, with the module, that is not in the given namespaces. */
function sectionsOutside(files: string[], namespaces: readonly Namespace[]): string[] {
  return files.flatMap((file) =>
    // i18n.ts and namespaces.ts name keys in their comments only.
    !/\.tsx?$/.test(file) || /\.test\.tsx?$/.test(file) || SPEAK_OF_KEYS.includes(path.relative(webSource, file))
      ? []
      : [...new Set([...fs.readFileSync(file, 'utf8').matchAll(KEY)].map((match) => match[1] ?? ''))]
          .filter((section) => !namespaces.includes(namespaceOf.get(section)!))
          .map((section) => `${path.relative(webSource, file)}: ${section} (${namespaceOf.get(section)})`),
  );
}

describe('the words each part of the app loads', () => {
  it('cover what the shell shows', () => {
    expect(sectionsOutside(modulesOf(path.join(webSource, 'main.tsx')), [SHELL_NAMESPACE])).toEqual([]);
  });

  it.each(Object.keys(AREA_NAMESPACES) as Area[])('cover what the %s pages show', (area) => {
    const pages = path.join(webSource, 'features', area, 'pages.ts');
    expect(sectionsOutside(modulesOf(pages), [SHELL_NAMESPACE, ...AREA_NAMESPACES[area]])).toEqual([]);
  });

  it('name every area the router loads', () => {
    const areas = fs.readdirSync(path.join(webSource, 'features')).filter((area) => fs.existsSync(path.join(webSource, 'features', area, 'pages.ts')));
    expect(areas.sort()).toEqual(Object.keys(AREA_NAMESPACES).sort());
  });
});
