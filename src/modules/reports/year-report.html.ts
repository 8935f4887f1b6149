import { officeMark } from './office-mark.js';
import { type Block, type ReportDocument, type Run, type Section, yearReportDocument } from './year-report.document.js';
import type { YearReport } from './year-report.js';

/** Text made literal in HTML, in content and in attribute values alike. */
export function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const STYLE = `
  :root { --ink: #1b1b1b; --heading: #1a4480; --accent: #005ea2; --rule: #dfe1e2; --muted: #565c65; }
  * { box-sizing: border-box; }
  body { font-family: "Source Sans Pro", "Helvetica Neue", Arial, sans-serif; color: var(--ink); line-height: 1.5; margin: 0; font-size: 1.0625rem; }
  main, .cover, nav { max-width: 52rem; margin: 0 auto; padding: 0 1.5rem; }
  .cover { min-height: 90vh; padding-top: 0; padding-bottom: 3rem; }
  .cover .band { background: var(--heading); color: #fff; border-bottom: 0.4rem solid #ffbe2e; padding: 2.5rem 1.5rem 2rem; margin: 0 -1.5rem; }
  .cover .office { font-size: 1.3rem; font-weight: 700; margin: 1.25rem 0 0; }
  .cover .acronym { color: #d9e8f6; margin: 0.25rem 0 0; }
  .cover .kind { font-size: 1.3rem; margin: 0.25rem 0 0; }
  .cover h1 { font-size: 2.6rem; line-height: 1.15; color: var(--heading); margin: 2.5rem 0 0.5rem; }
  .cover .year { font-size: 4rem; font-weight: 700; color: var(--accent); margin: 0; line-height: 1; }
  .cover .issued { color: var(--muted); margin-top: 2.5rem; border-top: 2px solid var(--rule); padding-top: 0.75rem; }
  nav h2, main h2 { color: var(--heading); border-bottom: 2px solid var(--rule); padding-bottom: 0.25rem; margin-top: 2.5rem; }
  nav ol { padding-left: 1.25rem; } nav a { color: var(--accent); }
  h3 { color: var(--heading); margin: 1.5rem 0 0.5rem; }
  .key-figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(8.5rem, 1fr)); gap: 0.75rem; margin: 1.25rem 0; padding: 0; list-style: none; }
  .key-figures li { border-top: 4px solid var(--accent); background: #f0f0f0; padding: 0.6rem 0.75rem; }
  .key-figures .value { display: block; font-size: 2rem; font-weight: 700; color: var(--heading); line-height: 1.1; }
  table { border-collapse: collapse; margin: 0.75rem 0 1.5rem; min-width: 60%; font-size: 0.95rem; }
  caption { text-align: left; font-weight: 700; color: var(--heading); padding-bottom: 0.35rem; }
  th, td { border-bottom: 1px solid #a9aeb1; padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }
  th { background: #e7f2f8; border-bottom: 2px solid var(--heading); }
  .num { text-align: right; font-variant-numeric: tabular-nums; }
  figure { margin: 1.25rem 0; break-inside: avoid; page-break-inside: avoid; }
  figcaption { color: var(--muted); font-size: 0.95rem; margin-top: 0.35rem; }
  svg { max-width: 100%; height: auto; }
  @page { size: letter; margin: 0.75in; }
  @media print {
    body { font-size: 11pt; } main, .cover, nav { max-width: none; padding: 0; }
    .cover { min-height: 8.5in; break-after: page; page-break-after: always; }
    .key-figures { grid-template-columns: repeat(auto-fit, minmax(6.5rem, 1fr)); }
    .cover .band, .key-figures li, th { margin: 0; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    nav { break-after: page; page-break-after: always; } nav a { color: inherit; text-decoration: none; }
    h2, h3 { break-after: avoid; page-break-after: avoid; } table, figure, li { break-inside: avoid; page-break-inside: avoid; }
    section.summary, section.annex { break-before: page; page-break-before: always; }
  }
`;

const runs = (items: readonly Run[]) => items.filter((r) => r.text).map((r) => (r.strong ? `<strong>${escapeHtml(r.text)}</strong>` : escapeHtml(r.text))).join('');

function block(b: Block): string {
  switch (b.kind) {
    case 'paragraph':
      return `<p>${runs(b.runs)}</p>`;
    case 'subheading':
      return `<h3>${escapeHtml(b.text)}</h3>`;
    case 'list':
      return `<ul>${b.items.map((item) => `<li>${runs(item)}</li>`).join('')}</ul>`;
    case 'keyFigures':
      return `<ul class="key-figures">${b.items.map((item) => `<li><span class="value">${escapeHtml(item.value)}</span> ${escapeHtml(item.label)}</li>`).join('')}</ul>`;
    case 'figure':
      // The SVG is drawn by charts.ts, which escapes the labels it writes.
      return `<figure>${b.svg}<figcaption>${escapeHtml(b.caption)}</figcaption></figure>`;
    case 'table': {
      const cell = (tag: 'th' | 'td', value: string, numeric: boolean) => `<${tag}${tag === 'th' ? ' scope="col"' : ''}${numeric ? ' class="num"' : ''}>${escapeHtml(value)}</${tag}>`;
      const head = `<tr>${b.columns.map((c) => cell('th', c.header, c.numeric)).join('')}</tr>`;
      const body = b.rows.map((row) => `<tr>${row.map((value, i) => cell('td', value, b.columns[i]?.numeric ?? false)).join('')}</tr>`).join('');
      return `<table><caption>${escapeHtml(b.caption)}</caption><thead>${head}</thead><tbody>${body}</tbody></table>`;
    }
  }
}

const section = (s: Section, className = '') => `<section id="${escapeHtml(s.id)}"${className ? ` class="${className}"` : ''}><h2>${escapeHtml(s.title)}</h2>${s.blocks.map(block).join('')}</section>`;

/** A standalone HTML document from the document model: reads on screen and prints as the publication. */
export function documentHtml(d: ReportDocument): string {
  const all = [d.summary, ...d.sections, d.annex];
  const acronym = d.office.acronym ? `<p class="acronym">${escapeHtml(d.office.acronym)}</p>` : '';
  const band = `<div class="band">${officeMark(88)}<p class="office">${escapeHtml(d.office.name)}</p>${acronym}</div>`;
  const cover = `<header class="cover">${band}<h1>${escapeHtml(d.subject)}</h1><p class="year">${d.year}</p><p class="kind">Year report</p><p class="issued">Issued ${escapeHtml(d.issued)}. Figures as of ${escapeHtml(d.asOf)}.</p></header>`;
  const contents = `<nav aria-labelledby="contents"><h2 id="contents">Contents</h2><ol>${all.map((s) => `<li><a href="#${escapeHtml(s.id)}">${escapeHtml(s.title)}</a></li>`).join('')}</ol><h3>About this report</h3><p>${escapeHtml(d.about)}</p></nav>`;
  const main = `<main>${section(d.summary, 'summary')}${d.sections.map((s) => section(s)).join('')}${section(d.annex, 'annex')}</main>`;
  return `<!doctype html><html lang="${escapeHtml(d.formats.locale.split('-')[0] ?? 'en')}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(d.title)}</title><style>${STYLE}</style></head><body>${cover}${contents}${main}</body></html>`;
}

export function yearReportHtml(r: YearReport): string {
  return documentHtml(yearReportDocument(r));
}
