import path from 'node:path';
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { packageRoot } from '../../platform/package-root.js';
import { officeMark } from './office-mark.js';
import { type Block, type ReportDocument, type Run, type Section, yearReportDocument } from './year-report.document.js';
import type { YearReport } from './year-report.js';

/**
 * The report as a printed publication, drawn with pdfkit from the document model. User text is
 * drawn as text (nothing to escape), in an embedded DejaVu font so every name prints whatever its
 * script. Pages are buffered so the contents, running headers and "Page n of m" are stamped last.
 */

const FONTS = path.join(packageRoot, 'assets', 'fonts');
const COLOR = { ink: '#1b1b1b', heading: '#1a4480', accent: '#005ea2', rule: '#dfe1e2', muted: '#565c65', shade: '#f0f0f0', header: '#e7f2f8', gold: '#ffbe2e', navy: '#162e51' };
const PAGE = { width: 612, height: 792, left: 66, right: 66, top: 78, bottom: 72 };
const WIDTH = PAGE.width - PAGE.left - PAGE.right;
const BOTTOM = PAGE.height - PAGE.bottom;
const BODY = 10.5;

type Doc = PDFKit.PDFDocument;

function setup(d: ReportDocument): Doc {
  const doc = new PDFDocument({
    size: 'LETTER',
    bufferPages: true,
    autoFirstPage: false,
    margins: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right },
    info: { Title: d.title, Author: d.office.name, Subject: `Year report ${d.year}` },
    lang: d.formats.locale,
    displayTitle: true,
  });
  doc.registerFont('body', path.join(FONTS, 'DejaVuSansCondensed.ttf'));
  doc.registerFont('bold', path.join(FONTS, 'DejaVuSansCondensed-Bold.ttf'));
  doc.registerFont('italic', path.join(FONTS, 'DejaVuSansCondensed-Oblique.ttf'));
  return doc;
}

const svgFont = (_family: string, bold: boolean) => (bold ? 'bold' : 'body');

function drawSvg(doc: Doc, svg: string, x: number, y: number, width: number, height: number) {
  SVGtoPDF(doc, svg, x, y, { width, height, preserveAspectRatio: 'xMidYMin meet', fontCallback: svgFont });
}

function svgAspect(svg: string): number {
  const [, , w, h] = (/viewBox="([\d.\s]+)"/.exec(svg)?.[1] ?? '0 0 1 1').split(/\s+/).map(Number);
  return (h ?? 1) / (w ?? 1);
}

const plain = (runs: readonly Run[]) => runs.map((r) => r.text).join('');

/** Draws text runs, bold where set apart, flowing from the current position. */
function drawRuns(doc: Doc, runs: readonly Run[], x: number, width: number, size = BODY) {
  const shown = runs.filter((r) => r.text);
  shown.forEach((run, i) => {
    doc.font(run.strong ? 'bold' : 'body').fontSize(size).fillColor(COLOR.ink);
    const options = { width, continued: i < shown.length - 1, lineGap: 2.5 };
    if (i === 0) doc.text(run.text, x, doc.y, options);
    else doc.text(run.text, options);
  });
}

function heightOfRuns(doc: Doc, runs: readonly Run[], width: number, size = BODY) {
  // Measured in bold, the wider face, so a paragraph is never found to fit when it does not.
  return doc.font('bold').fontSize(size).heightOfString(plain(runs), { width, lineGap: 2.5 });
}

class Layout {
  /** The page (0-based) on which each section starts, for the contents. */
  readonly starts = new Map<string, number>();

  constructor(private readonly doc: Doc) {}

  get page() {
    const range = this.doc.bufferedPageRange();
    return range.start + range.count - 1;
  }

  newPage() {
    this.doc.addPage();
    this.doc.x = PAGE.left;
    this.doc.y = PAGE.top;
  }

  room() {
    return BOTTOM - this.doc.y;
  }

  /** A new page unless `height` fits on this one. */
  keep(height: number) {
    if (height > this.room() && this.doc.y > PAGE.top + 1) this.newPage();
  }

  section(s: Section, startOnNewPage: boolean) {
    const doc = this.doc;
    if (startOnNewPage) this.newPage();
    // A heading never ends a page: it stays with what follows (or its first part).
    else this.keep(34 + this.leadHeight(s.blocks));
    if (doc.y > PAGE.top + 1) doc.y += 14;
    this.starts.set(s.id, this.page);
    doc.font('bold').fontSize(17).fillColor(COLOR.heading).text(s.title, PAGE.left, doc.y, { width: WIDTH });
    const ruleY = doc.y + 3;
    doc.moveTo(PAGE.left, ruleY).lineTo(PAGE.left + WIDTH, ruleY).lineWidth(1.5).strokeColor(COLOR.rule).stroke();
    doc.y = ruleY + 10;
    s.blocks.forEach((b, i) => this.block(b, s.blocks.slice(i + 1)));
  }

  /** What a heading must keep with it: its first block, and a figure or table a short first paragraph introduces. */
  leadHeight(blocks: readonly Block[]) {
    const first = this.blockHeight(blocks[0]);
    if (blocks[0]?.kind === 'paragraph' && first < 60) return first + Math.min(this.blockHeight(blocks[1]), 320);
    return Math.min(first, 140);
  }

  /** How tall a block is drawn, to keep headings with it and figures whole. */
  blockHeight(b: Block | undefined): number {
    const doc = this.doc;
    if (!b) return 0;
    switch (b.kind) {
      case 'paragraph':
        return heightOfRuns(doc, b.runs, WIDTH) + 8;
      case 'subheading':
        return 26;
      case 'list':
        return b.items.slice(0, 2).reduce((sum, item) => sum + heightOfRuns(doc, item, WIDTH - 16) + 4, 0);
      case 'keyFigures':
        return 86;
      case 'figure':
        return this.figureSize(b.svg).height * 0.8 + 30;
      case 'table':
        return Math.min(this.tableHeight(b), 120);
    }
  }

  /** Draws a block; `rest` are those after it in its section, which headings and short paragraphs keep with. */
  block(b: Block, rest: readonly Block[]) {
    const doc = this.doc;
    const next = rest[0];
    switch (b.kind) {
      case 'paragraph': {
        const height = heightOfRuns(doc, b.runs, WIDTH);
        // A paragraph that would leave fewer than three lines on this page starts the next.
        if (height > this.room() && this.room() < 3 * 16) this.newPage();
        // A short paragraph introducing a table or figure stays with its start.
        else if (height < 40 && (next?.kind === 'table' || next?.kind === 'figure')) this.keep(height + 8 + Math.min(this.blockHeight(next), 120));
        drawRuns(doc, b.runs, PAGE.left, WIDTH);
        doc.y += 8;
        return;
      }
      case 'subheading':
        this.keep(26 + this.leadHeight(rest));
        doc.y += 4;
        doc.font('bold').fontSize(12.5).fillColor(COLOR.heading).text(b.text, PAGE.left, doc.y, { width: WIDTH });
        doc.y += 5;
        return;
      case 'list':
        for (const item of b.items) {
          this.keep(heightOfRuns(doc, item, WIDTH - 16) + 4);
          const top = doc.y;
          doc.font('bold').fontSize(BODY).fillColor(COLOR.accent).text('•', PAGE.left + 2, top, { lineBreak: false });
          doc.y = top;
          drawRuns(doc, item, PAGE.left + 16, WIDTH - 16);
          doc.y += 4;
        }
        doc.y += 6;
        return;
      case 'keyFigures':
        return this.keyFigures(b.items);
      case 'figure':
        return this.figure(b.svg, b.caption);
      case 'table':
        return this.table(b);
    }
  }

  keyFigures(items: readonly { value: string; label: string }[]) {
    const doc = this.doc;
    const gap = 10;
    const width = (WIDTH - gap * (items.length - 1)) / items.length;
    const height = 74;
    this.keep(height + 12);
    const top = doc.y + 4;
    items.forEach((item, i) => {
      const x = PAGE.left + i * (width + gap);
      doc.rect(x, top, width, height).fill(COLOR.shade);
      doc.rect(x, top, width, 4).fill(COLOR.accent);
      doc.font('bold').fontSize(22).fillColor(COLOR.heading).text(item.value, x + 8, top + 12, { width: width - 16, lineBreak: false });
      doc.font('body').fontSize(9).fillColor(COLOR.ink).text(item.label, x + 8, top + 42, { width: width - 16 });
    });
    doc.x = PAGE.left;
    doc.y = top + height + 14;
  }

  figureSize(svg: string) {
    const width = Math.min(WIDTH, 480);
    return { width, height: width * svgAspect(svg) };
  }

  figure(svg: string, caption: string) {
    const doc = this.doc;
    let { width, height } = this.figureSize(svg);
    const captionHeight = doc.font('italic').fontSize(9).heightOfString(caption, { width: WIDTH }) + 6;
    // A figure may shrink to four fifths of its size to stay on this page, else starts the next.
    if (height + captionHeight + 16 > this.room()) {
      const scale = (this.room() - captionHeight - 16) / height;
      if (scale >= 0.8) {
        width *= scale;
        height *= scale;
      } else this.newPage();
    }
    const top = doc.y + 6;
    drawSvg(doc, svg, PAGE.left + (WIDTH - width) / 2, top, width, height);
    doc.font('italic').fontSize(9).fillColor(COLOR.muted).text(caption, PAGE.left, top + height + 4, { width: WIDTH, align: 'center' });
    doc.x = PAGE.left;
    doc.y += 12;
  }

  columnWidths(b: Extract<Block, { kind: 'table' }>): number[] {
    const doc = this.doc;
    const natural = b.columns.map((c, i) => {
      const header = doc.font('bold').fontSize(9).widthOfString(c.header);
      const cells = b.rows.map((row) => doc.font('body').fontSize(9.5).widthOfString(row[i] ?? ''));
      return Math.max(header, ...cells, 24) + 14;
    });
    const total = natural.reduce((a, w) => a + w, 0);
    if (total <= WIDTH) {
      // Spare room goes to the text columns, so numbers stay near what they count.
      const text = b.columns.filter((c) => !c.numeric).length;
      const spare = WIDTH - total;
      return natural.map((w, i) => (text ? (b.columns[i]?.numeric ? w : w + spare / text) : w + spare / natural.length));
    }
    // Too wide: the widest column wraps, so short ones (dates, stages, numbers) stay on one line.
    const widest = natural.indexOf(Math.max(...natural));
    const others = total - (natural[widest] ?? 0);
    if (WIDTH - others >= 110) return natural.map((w, i) => (i === widest ? WIDTH - others : w));
    return natural.map((w) => (w / total) * WIDTH);
  }

  rowHeight(cells: readonly string[], widths: readonly number[], header: boolean) {
    const doc = this.doc;
    doc.font(header ? 'bold' : 'body').fontSize(header ? 9 : 9.5);
    return Math.max(...cells.map((cell, i) => doc.heightOfString(cell, { width: (widths[i] ?? 40) - 12 }))) + 9;
  }

  tableHeight(b: Extract<Block, { kind: 'table' }>) {
    const widths = this.columnWidths(b);
    return 20 + this.rowHeight(b.columns.map((c) => c.header), widths, true) + b.rows.reduce((sum, row) => sum + this.rowHeight(row, widths, false), 0) + 12;
  }

  table(b: Extract<Block, { kind: 'table' }>) {
    const doc = this.doc;
    const widths = this.columnWidths(b);
    const headerHeight = this.rowHeight(b.columns.map((c) => c.header), widths, true);
    const whole = this.tableHeight(b);
    // A table that fits on a page is kept whole; a longer one keeps its caption, header and first rows together.
    if (whole <= BOTTOM - PAGE.top) this.keep(whole);
    else this.keep(20 + headerHeight + this.rowHeight(b.rows[0] ?? [], widths, false) * 3);
    doc.font('bold').fontSize(9.5).fillColor(COLOR.heading).text(b.caption, PAGE.left, doc.y + 2, { width: WIDTH });
    doc.y += 4;
    const drawRow = (cells: readonly string[], header: boolean) => {
      const height = this.rowHeight(cells, widths, header);
      const top = doc.y;
      if (header) doc.rect(PAGE.left, top, WIDTH, height).fill(COLOR.header);
      let x = PAGE.left;
      cells.forEach((cell, i) => {
        const w = widths[i] ?? 40;
        doc.font(header ? 'bold' : 'body').fontSize(header ? 9 : 9.5).fillColor(header ? COLOR.heading : COLOR.ink);
        doc.text(cell, x + 6, top + 4.5, { width: w - 12, align: b.columns[i]?.numeric ? 'right' : 'left' });
        x += w;
      });
      const line = top + height;
      doc.moveTo(PAGE.left, line).lineTo(PAGE.left + WIDTH, line).lineWidth(header ? 1.2 : 0.5).strokeColor(header ? COLOR.heading : '#a9aeb1').stroke();
      doc.x = PAGE.left;
      doc.y = line;
    };
    drawRow(b.columns.map((c) => c.header), true);
    for (const row of b.rows) {
      if (this.rowHeight(row, widths, false) > this.room()) {
        this.newPage();
        drawRow(b.columns.map((c) => c.header), true);
      }
      drawRow(row, false);
    }
    doc.y += 14;
  }
}

function cover(doc: Doc, d: ReportDocument) {
  doc.addPage();
  const band = 300;
  doc.rect(0, 0, PAGE.width, band).fill(COLOR.heading);
  doc.rect(0, band, PAGE.width, 6).fill(COLOR.gold);
  drawSvg(doc, officeMark(), PAGE.left, 72, 92, 92);
  doc.font('bold').fontSize(15).fillColor('#ffffff').text(d.office.name, PAGE.left, 190, { width: WIDTH });
  if (d.office.acronym) doc.font('body').fontSize(11).fillColor('#d9e8f6').text(d.office.acronym, PAGE.left, doc.y + 4, { width: WIDTH });
  doc.font('bold').fontSize(30).fillColor(COLOR.heading).text(d.subject, PAGE.left, band + 70, { width: WIDTH, lineGap: 2 });
  doc.font('bold').fontSize(64).fillColor(COLOR.accent).text(String(d.year), PAGE.left, doc.y + 10, { width: WIDTH });
  doc.font('body').fontSize(16).fillColor(COLOR.ink).text('Year report', PAGE.left, doc.y + 2, { width: WIDTH });
  const foot = PAGE.height - 120;
  doc.moveTo(PAGE.left, foot).lineTo(PAGE.left + WIDTH, foot).lineWidth(1.5).strokeColor(COLOR.rule).stroke();
  doc.font('bold').fontSize(11).fillColor(COLOR.ink).text(`Issued ${d.issued}`, PAGE.left, foot + 14, { width: WIDTH });
  doc.font('body').fontSize(10).fillColor(COLOR.muted).text(`Figures as of ${d.asOf}, from the program office's records in Cadre.`, PAGE.left, doc.y + 4, { width: WIDTH });
}

function contents(doc: Doc, d: ReportDocument, starts: ReadonlyMap<string, number>, page: number) {
  doc.switchToPage(page);
  doc.x = PAGE.left;
  doc.y = PAGE.top;
  doc.font('bold').fontSize(17).fillColor(COLOR.heading).text('Contents', PAGE.left, PAGE.top, { width: WIDTH });
  const ruleY = doc.y + 3;
  doc.moveTo(PAGE.left, ruleY).lineTo(PAGE.left + WIDTH, ruleY).lineWidth(1.5).strokeColor(COLOR.rule).stroke();
  let y = ruleY + 18;
  for (const s of [d.summary, ...d.sections, d.annex]) {
    const number = String((starts.get(s.id) ?? 0) + 1);
    doc.font('body').fontSize(12).fillColor(COLOR.ink);
    const titleWidth = doc.widthOfString(s.title);
    const numberWidth = doc.widthOfString(number);
    doc.text(s.title, PAGE.left, y, { lineBreak: false });
    doc.text(number, PAGE.left + WIDTH - numberWidth, y, { lineBreak: false });
    // Dot leaders from the title to its page number.
    doc.moveTo(PAGE.left + titleWidth + 6, y + 10).lineTo(PAGE.left + WIDTH - numberWidth - 6, y + 10).dash(1, { space: 3 }).lineWidth(0.8).strokeColor('#a9aeb1').stroke().undash();
    y += 26;
  }
  y += 24;
  doc.font('bold').fontSize(12.5).fillColor(COLOR.heading).text('About this report', PAGE.left, y, { width: WIDTH });
  doc.font('body').fontSize(BODY).fillColor(COLOR.ink).text(d.about, PAGE.left, doc.y + 6, { width: WIDTH, lineGap: 2.5 });
}

/** The running header and "Page n of m" on every page but the cover. */
function stamp(doc: Doc, d: ReportDocument) {
  const { count } = doc.bufferedPageRange();
  for (let i = 1; i < count; i += 1) {
    doc.switchToPage(i);
    // Drawing in the margins must not start new pages.
    const margins = doc.page.margins;
    doc.page.margins = { top: 0, bottom: 0, left: 0, right: 0 };
    doc.font('body').fontSize(8.5).fillColor(COLOR.muted).text(d.runningHeader, PAGE.left, 40, { width: WIDTH, lineBreak: false });
    doc.moveTo(PAGE.left, 54).lineTo(PAGE.left + WIDTH, 54).lineWidth(0.75).strokeColor(COLOR.accent).stroke();
    doc.moveTo(PAGE.left, PAGE.height - 52).lineTo(PAGE.left + WIDTH, PAGE.height - 52).lineWidth(0.5).strokeColor(COLOR.rule).stroke();
    doc.font('body').fontSize(8.5).fillColor(COLOR.muted).text(`Issued ${d.issued}`, PAGE.left, PAGE.height - 44, { width: WIDTH / 2, lineBreak: false });
    const label = `Page ${d.formats.number(i + 1)} of ${d.formats.number(count)}`;
    doc.text(label, PAGE.left + WIDTH - doc.widthOfString(label), PAGE.height - 44, { lineBreak: false });
    doc.page.margins = margins;
  }
}

/** The publication as PDF: cover, contents, summary, the sections with their pictures, the annex. */
export function documentPdf(d: ReportDocument): Promise<Buffer> {
  const doc = setup(d);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  cover(doc, d);
  const layout = new Layout(doc);
  layout.newPage();
  const contentsPage = layout.page;
  layout.section(d.summary, true);
  d.sections.forEach((s, i) => layout.section(s, i === 0));
  layout.section(d.annex, false);
  contents(doc, d, layout.starts, contentsPage);
  stamp(doc, d);
  doc.end();
  return done;
}

export function yearReportPdf(r: YearReport): Promise<Buffer> {
  return documentPdf(yearReportDocument(r));
}
