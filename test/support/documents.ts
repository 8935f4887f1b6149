import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { packageRoot } from '../../src/platform/package-root.js';

const require = createRequire(import.meta.url);

/** The text of every page of a PDF, read with Mozilla's PDF.js, one string per page. */
export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // The standard fonts ship with PDF.js; pointing at them keeps it from asking for a URL.
  const standardFontDataUrl = `${path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;
  const document = await pdfjs.getDocument({ data: new Uint8Array(bytes), standardFontDataUrl, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= document.numPages; n += 1) {
    const content = await (await document.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : ' ') : '')).join(''));
  }
  await document.destroy();
  return pages;
}

const IATI_DIR = path.join(packageRoot, 'assets', 'iati');

/** Validates IATI activity XML against the official 2.03 schema (libxml2, compiled to WebAssembly). */
export async function iatiSchemaErrors(xml: string): Promise<string[]> {
  const schema = (name: string) => ({ fileName: name, contents: fs.readFileSync(path.join(IATI_DIR, name), 'utf8') });
  const result = await validateXML({
    xml: [{ fileName: 'activities.xml', contents: xml }],
    schema: [schema('iati-activities-schema.xsd')],
    preload: [schema('iati-common.xsd'), schema('xml.xsd')],
  });
  return result.errors.map((e) => e.rawMessage);
}
