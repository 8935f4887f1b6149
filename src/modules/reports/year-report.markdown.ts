import { type Block, type ReportDocument, type Run, type Section, yearReportDocument } from './year-report.document.js';
import type { YearReport } from './year-report.js';

/**
 * Text made literal for Markdown: every character CommonMark or a table gives meaning to is
 * backslash-escaped, a line break cannot start a new block, and no address becomes a link: a name
 * like `<b>|*#` reads as written.
 */
export function escapeMarkdown(value: string): string {
  return value
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/[\\`*_[\]<>#|~&]/g, (c) => `\\${c}`)
    // GitHub's autolinks: an address or e-mail in a name stays text.
    .replace(/:\/\//g, '\\://')
    .replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}\\.`)
    .replace(/@/g, '\\@')
    .replace(/^([-+=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

const runs = (items: readonly Run[]) => items.filter((r) => r.text).map((r) => (r.strong ? `**${escapeMarkdown(r.text)}**` : escapeMarkdown(r.text))).join('');

function block(b: Block): string {
  switch (b.kind) {
    case 'paragraph':
      return runs(b.runs);
    case 'subheading':
      return `### ${escapeMarkdown(b.text)}`;
    case 'list':
      return b.items.map((item) => `- ${runs(item)}`).join('\n');
    case 'keyFigures':
      return b.items.map((item) => `- **${escapeMarkdown(item.value)}** ${escapeMarkdown(item.label)}`).join('\n');
    case 'figure':
      // The picture is in the HTML and PDF; the Markdown keeps what it shows.
      return `*${escapeMarkdown(b.caption)}*`;
    case 'table': {
      const row = (cells: readonly string[]) => `| ${cells.map(escapeMarkdown).join(' | ')} |`;
      return [row(b.columns.map((c) => c.header)), `| ${b.columns.map((c) => (c.numeric ? '---:' : '---')).join(' | ')} |`, ...b.rows.map(row)].join('\n');
    }
  }
}

const section = (s: Section) => [`## ${escapeMarkdown(s.title)}`, ...s.blocks.map(block)].join('\n\n');

/** The report as Markdown, laid out from the document model: what a reports officer edits, and what the golden test holds. */
export function documentMarkdown(d: ReportDocument): string {
  const office = d.office.acronym ? `${d.office.name} (${d.office.acronym})` : d.office.name;
  const head = [`# ${escapeMarkdown(d.title)}`, `${escapeMarkdown(office)}. Issued ${escapeMarkdown(d.issued)}; figures as of ${escapeMarkdown(d.asOf)}.`];
  return `${[...head, ...[d.summary, ...d.sections, d.annex].map(section)].join('\n\n')}\n`;
}

export function yearReportMarkdown(r: YearReport): string {
  return documentMarkdown(yearReportDocument(r));
}
