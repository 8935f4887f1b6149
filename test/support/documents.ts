import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { packageRoot } from '../../src/platform/package-root.js';

const require = createRequire(import.meta.url);

async function openPdf(bytes: Uint8Array) {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // The standard fonts ship with PDF.js; pointing at them keeps it from asking for a URL.
  const standardFontDataUrl = `${path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;
  return pdfjs.getDocument({ data: new Uint8Array(bytes), standardFontDataUrl, isEvalSupported: false }).promise;
}

/** The text of every page of a PDF, read with Mozilla's PDF.js, one string per page. */
export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const document = await openPdf(bytes);
  const pages: string[] = [];
  for (let n = 1; n <= document.numPages; n += 1) {
    const content = await (await document.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : ' ') : '')).join(''));
  }
  await document.destroy();
  return pages;
}

/** The little of the DOM tests read a parsed page with (the server's types carry no DOM). */
export interface HtmlElement {
  textContent: string | null;
  getAttribute(name: string): string | null;
  querySelector(selector: string): HtmlElement | null;
  querySelectorAll(selector: string): ArrayLike<HtmlElement> & Iterable<HtmlElement>;
}
export interface HtmlDocument extends HtmlElement {
  body: HtmlElement;
  getElementById(id: string): HtmlElement | null;
}

/** An HTML text parsed as a browser would, with jsdom (which ships no types of its own). */
export function htmlDocument(html: string): HtmlDocument {
  const { JSDOM } = require('jsdom') as { JSDOM: new (html: string) => { window: { document: HtmlDocument } } };
  return new JSDOM(html).window.document;
}

interface CanvasContext {
  fillStyle: string;
  fillRect(x: number, y: number, width: number, height: number): void;
  getImageData(x: number, y: number, width: number, height: number): { data: Uint8ClampedArray; width: number; height: number };
}

/** The canvases PDF.js draws on in Node (@napi-rs/canvas), which its types leave out. */
interface CanvasFactory {
  create(width: number, height: number): { canvas: { width: number; height: number }; context: CanvasContext };
  destroy(entry: { canvas: unknown; context: unknown }): void;
}

export interface PageInk {
  /** Share of the page's pixels that are not white, 0 to 1. */
  ink: number;
  /** Share of the pixels in a band of `edge` points along the page's edges that are not white. */
  inkAtEdges: number;
}

/**
 * Every page of a PDF rendered to pixels with PDF.js (on its own canvas, @napi-rs/canvas), and
 * how much of each is drawn on: a blank page, or one drawn past its margins, shows in the numbers.
 */
export async function pdfPageInk(bytes: Uint8Array, options: { scale?: number; edge?: number } = {}): Promise<PageInk[]> {
  const scale = options.scale ?? 1;
  const edge = Math.round((options.edge ?? 30) * scale);
  const document = await openPdf(bytes);
  const canvases = (document as unknown as { canvasFactory: CanvasFactory }).canvasFactory;
  const pages: PageInk[] = [];
  for (let n = 1; n <= document.numPages; n += 1) {
    const page = await document.getPage(n);
    const viewport = page.getViewport({ scale });
    const { canvas, context } = canvases.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    await page.render({ canvas: canvas as never, canvasContext: context as never, viewport }).promise;
    const { data, width, height } = context.getImageData(0, 0, canvas.width, canvas.height);
    let inked = 0;
    let edgePixels = 0;
    let edgeInked = 0;
    for (let y = 0; y < height; y += 1) {
      for (let x = 0; x < width; x += 1) {
        const i = (y * width + x) * 4;
        const drawn = (data[i] ?? 255) < 235 || (data[i + 1] ?? 255) < 235 || (data[i + 2] ?? 255) < 235;
        if (drawn) inked += 1;
        if (x < edge || y < edge || x >= width - edge || y >= height - edge) {
          edgePixels += 1;
          if (drawn) edgeInked += 1;
        }
      }
    }
    pages.push({ ink: inked / (width * height), inkAtEdges: edgeInked / edgePixels });
    canvases.destroy({ canvas, context });
    page.cleanup();
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
