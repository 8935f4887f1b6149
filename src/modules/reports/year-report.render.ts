import { marked, type Tokens } from 'marked';
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { barChart, worldMap } from './charts.js';
import { countryName, type YearReport } from './year-report.js';
import { yearReportMarkdown } from './year-report.markdown.js';

/** The pictures of a year report: people trained by generation and by country, and the countries assisted. */
export function yearReportCharts(r: YearReport) {
  const byGeneration = barChart(
    `People trained in ${r.year}, by generation of the cascade`,
    r.cascade.generations.filter((g) => g.generation > 0).map((g) => ({ label: `Generation ${g.generation}`, value: g.peopleTrained })),
  );
  const byCountry = barChart(
    `People trained in ${r.year}, by country`,
    r.training.trainedByCountryAndSex.map((c) => ({ label: countryName(c.country), value: c.total })),
  );
  const map = worldMap(
    `Countries assisted in ${r.year}`,
    new Map(
      r.countriesAssisted.map((c) => [
        c.country,
        `${countryName(c.country)}: ${[c.deployments ? `${c.deployments} deployment${c.deployments > 1 ? 's' : ''}` : '', c.peopleTrained ? `${c.peopleTrained} people trained` : ''].filter(Boolean).join(', ')}`,
      ]),
    ),
  );
  return { byGeneration, byCountry, map };
}

const PRINT_CSS = `
  body { font-family: "Source Sans Pro", "Helvetica Neue", Arial, sans-serif; color: #1b1b1b; max-width: 56rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; }
  h1 { color: #1a4480; } h2 { color: #1a4480; border-bottom: 2px solid #dfe1e2; page-break-after: avoid; }
  table { border-collapse: collapse; margin: 0.5rem 0 1rem; } th, td { border: 1px solid #a9aeb1; padding: 0.25rem 0.6rem; text-align: left; }
  figure { margin: 1rem 0; page-break-inside: avoid; } svg { max-width: 100%; height: auto; }
  @media print { body { margin: 0; max-width: none; } a { color: inherit; text-decoration: none; } }
`;

/** A standalone HTML document that reads on screen and prints well. */
export async function yearReportHtml(r: YearReport): Promise<string> {
  const charts = yearReportCharts(r);
  const body = await marked.parse(yearReportMarkdown(r));
  const figures = `<h2>In pictures</h2><figure>${charts.map}</figure><figure>${charts.byCountry}</figure><figure>${charts.byGeneration}</figure>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${r.year}: police and corrections partnerships</title><style>${PRINT_CSS}</style></head><body>${body}${figures}</body></html>`;
}

/** The printable PDF: the report's text and tables, then its pictures. */
export async function yearReportPdf(r: YearReport): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'LETTER', margin: 54, info: { Title: `${r.year}: police and corrections partnerships`, Author: r.office.name } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  for (const token of marked.lexer(yearReportMarkdown(r))) {
    if (token.type === 'heading') {
      doc.moveDown(token.depth === 1 ? 0 : 0.8).font('Helvetica-Bold').fontSize(token.depth === 1 ? 20 : token.depth === 2 ? 15 : 12).fillColor('#1a4480').text(token.text).fillColor('#1b1b1b');
      doc.moveDown(0.3);
    } else if (token.type === 'paragraph') {
      doc.font('Helvetica').fontSize(10.5).text(token.text.replace(/\*\*/g, '')).moveDown(0.5);
    } else if (token.type === 'list') {
      for (const item of token.items) doc.font('Helvetica').fontSize(10.5).text(`•  ${item.text}`, { indent: 10 });
      doc.moveDown(0.5);
    } else if (token.type === 'table') {
      const columns = token.header.length;
      const width = (doc.page.width - 108) / columns;
      const row = (cells: string[], bold: boolean) => {
        if (doc.y > doc.page.height - 90) doc.addPage();
        const y = doc.y;
        let bottom = y;
        cells.forEach((cell, i) => {
          doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9.5).text(cell, 54 + i * width, y, { width: width - 6 });
          bottom = Math.max(bottom, doc.y);
        });
        doc.x = 54;
        doc.y = bottom + 3;
      };
      row(token.header.map((h: Tokens.TableCell) => h.text), true);
      for (const cells of token.rows as Tokens.TableCell[][]) row(cells.map((c) => c.text), false);
      doc.moveDown(0.6);
    }
  }
  const charts = yearReportCharts(r);
  const width = doc.page.width - 108;
  doc.addPage();
  doc.font('Helvetica-Bold').fontSize(15).fillColor('#1a4480').text('In pictures').fillColor('#1b1b1b').moveDown(0.5);
  // Each picture keeps its aspect ratio; a new page starts when the next would not fit.
  for (const svg of [charts.map, charts.byCountry, charts.byGeneration]) {
    const [, , w, h] = (/viewBox="([\d.\s]+)"/.exec(svg)?.[1] ?? '0 0 1 1').split(/\s+/).map(Number);
    const drawnHeight = (width * (h ?? 1)) / (w ?? 1);
    if (doc.y + drawnHeight > doc.page.height - 54) doc.addPage();
    SVGtoPDF(doc, svg, 54, doc.y, { width, height: drawnHeight, preserveAspectRatio: 'xMinYMin meet' });
    doc.y += drawnHeight + 18;
  }
  doc.end();
  return done;
}
