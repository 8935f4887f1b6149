import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { type CertificateLanguage, hoursText, longDate, longDateRange, placeName, wordingFor } from './certificate-wording.js';
import { embedCredential, type SignedCredential } from './credential-attachment.js';

export { CERTIFICATE_LANGUAGES, type CertificateLanguage } from './certificate-wording.js';

export interface CertificateFacts {
  language: CertificateLanguage;
  holder: string;
  /** In the certificate's language where the credential has a translation. */
  credential: { name: string; criteria: string | null };
  issuer: { name: string; mark: Buffer | null; signatory: { name: string; title: string | null } | null };
  /** The program office, when an endorsed academy issues under its standard. */
  endorsedBy: string | null;
  course: { title: string; hours: number | null; startOn: string; endOn: string; city: string | null; country: string } | null;
  issuedOn: string;
  expiresOn: string | null;
  verifyUrl: string;
  /** The certification's id. */
  number: string;
  /** The signed credential, carried inside the PDF so the PDF itself can be verified. */
  signed?: SignedCredential;
}

type Doc = InstanceType<typeof PDFDocument>;
type Font = 'Helvetica' | 'Helvetica-Bold' | 'Helvetica-Oblique';

const INK = '#1b1b1b';
const NAVY = '#1a4480';
const MUTED = '#565c65';
const GOLD = '#936f38';

/** The largest size, from `size` down to `min`, at which `text` fits in `lines` lines of `width`. */
function fittedSize(doc: Doc, text: string, font: Font, size: number, min: number, width: number, lines: number): number {
  doc.font(font);
  for (let s = size; s > min; s -= 0.5) {
    doc.fontSize(s);
    if (doc.heightOfString(text, { width, lineGap: 0 }) <= lines * doc.currentLineHeight(true) + 0.5) return s;
  }
  return min;
}

/** One centred block of the certificate's body: its text, style, and the space after it. */
interface Block {
  text: string;
  font: Font;
  size: number;
  min?: number;
  lines?: number;
  color?: string;
  /** Narrower than the body by this much on each side. */
  inset?: number;
  gap: number;
  /** A short rule drawn under the block (under the holder's name). */
  rule?: boolean;
}

/** The block's font size and height once fitted to `width`: shrunk down to `min`, then cut to `lines`. */
function measure(doc: Doc, block: Block, width: number) {
  const size = fittedSize(doc, block.text, block.font, block.size, block.min ?? block.size, width, block.lines ?? 1);
  doc.font(block.font).fontSize(size);
  return { size, height: Math.min(doc.heightOfString(block.text, { width }), (block.lines ?? 1) * doc.currentLineHeight(true)) };
}

/**
 * Lays the blocks out centred between `top` and `bottom`, spreading the spare room over the gaps
 * (up to twice each), so a short certificate is not crowded at the top and a long one still fits.
 */
function layOut(doc: Doc, blocks: Block[], area: { x: number; width: number; top: number; bottom: number }) {
  const measured = blocks.map((block) => ({ block, width: area.width - 2 * (block.inset ?? 0), ...measure(doc, block, area.width - 2 * (block.inset ?? 0)) }));
  const content = measured.reduce((sum, m) => sum + m.height, 0);
  const gaps = measured.slice(0, -1).reduce((sum, m) => sum + m.block.gap, 0);
  const room = area.bottom - area.top;
  const stretch = gaps > 0 ? Math.max(0, Math.min(2, (room - content) / gaps)) : 1;
  let y = area.top + Math.max(0, (room - content - gaps * stretch) / 2);
  for (const [i, m] of measured.entries()) {
    doc.font(m.block.font).fontSize(m.size).fillColor(m.block.color ?? INK);
    doc.text(m.block.text, area.x + (m.block.inset ?? 0), y, { width: m.width, align: 'center', height: m.height + 1, ellipsis: true });
    y += m.height;
    if (m.block.rule) {
      const half = Math.min(180, area.width / 2);
      doc.moveTo(area.x + area.width / 2 - half, y + 3).lineTo(area.x + area.width / 2 + half, y + 3).lineWidth(0.75).stroke(GOLD);
    }
    if (i < measured.length - 1) y += m.block.gap * stretch;
  }
}

/** The criteria in short: the first sentence or two, never more than two printed lines. */
function shortCriteria(criteria: string | null): string | null {
  const text = criteria?.replace(/\s+/g, ' ').trim();
  if (!text) return null;
  const sentences = text.match(/[^.!?]+[.!?]+(\s|$)/g);
  const short = sentences && sentences.length > 0 ? sentences.slice(0, 2).join('').trim() : text;
  return short.length <= 240 ? short : `${short.slice(0, 237).replace(/\s+\S*$/, '')}…`;
}

/**
 * A printable, A4 landscape certificate on one page: the issuer's mark, the holder and the
 * credential, the course with its hours, dates and place, validity, the signatory, and a QR
 * code that opens its verification page. Long names shrink to fit; nothing spills onto a
 * second page.
 */
export async function certificatePdf(facts: CertificateFacts): Promise<Buffer> {
  const words = wordingFor(facts.language);
  const lang = facts.language;
  const qr = await QRCode.toBuffer(facts.verifyUrl, { errorCorrectionLevel: 'M', margin: 1, width: 240 });
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 0,
    lang,
    info: { Title: `${words.title}: ${facts.credential.name} – ${facts.holder}`, Author: facts.issuer.name, Subject: facts.credential.name },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const { width: pageWidth, height: pageHeight } = doc.page;

  // A double frame.
  doc.rect(22, 22, pageWidth - 44, pageHeight - 44).lineWidth(3).stroke(NAVY);
  doc.rect(30, 30, pageWidth - 60, pageHeight - 60).lineWidth(0.75).stroke(GOLD);

  let top = 50;
  if (facts.issuer.mark) {
    const box = { w: 160, h: 64 };
    doc.image(facts.issuer.mark, (pageWidth - box.w) / 2, top, { fit: [box.w, box.h], align: 'center', valign: 'center' });
    top += box.h + 10;
  }
  const blocks: Block[] = [
    { text: words.title.toUpperCase(), font: 'Helvetica-Bold', size: 32, color: NAVY, gap: 10 },
    { text: `${facts.issuer.name} ${words.certifies}`, font: 'Helvetica', size: 13, min: 9, lines: 2, gap: 8 },
    { text: facts.holder, font: 'Helvetica-Bold', size: 30, min: 14, gap: 14, rule: true },
    { text: words.earned, font: 'Helvetica', size: 12, gap: 4 },
    { text: facts.credential.name, font: 'Helvetica-Bold', size: 21, min: 11, lines: 2, color: NAVY, gap: 10 },
  ];
  if (facts.course) {
    const course = facts.course;
    const hours = course.hours ? ` (${hoursText(course.hours, lang)})` : '';
    const place = [course.city, placeName(course.country, lang)].filter(Boolean).join(', ');
    blocks.push({ text: `${words.course} ${course.title}${hours}`, font: 'Helvetica', size: 12, min: 8, lines: 2, gap: 3 });
    blocks.push({ text: `${longDateRange(course.startOn, course.endOn, lang)} · ${place}`, font: 'Helvetica', size: 12, min: 8, gap: 8 });
  }
  const criteria = shortCriteria(facts.credential.criteria);
  if (criteria) blocks.push({ text: criteria, font: 'Helvetica-Oblique', size: 10, min: 8, lines: 2, color: MUTED, inset: 60, gap: 8 });
  const validity = facts.expiresOn ? words.validFrom(longDate(facts.issuedOn, lang), longDate(facts.expiresOn, lang)) : words.validFromNoExpiry(longDate(facts.issuedOn, lang));
  blocks.push({ text: validity, font: 'Helvetica-Bold', size: 11, min: 8, gap: 5 });
  if (facts.endorsedBy) blocks.push({ text: `${words.chain} ${facts.endorsedBy}`, font: 'Helvetica-Oblique', size: 10, min: 8, color: MUTED, gap: 0 });
  const footTop = pageHeight - 150;
  layOut(doc, blocks, { x: 80, width: pageWidth - 160, top, bottom: footTop - 6 });

  // The foot: the signatory on the left, the QR code and address on the right.
  const signX = 80;
  const signWidth = 260;
  doc.moveTo(signX, footTop + 50).lineTo(signX + signWidth, footTop + 50).lineWidth(0.75).stroke(INK);
  const signatory = facts.issuer.signatory;
  doc.font('Helvetica-Bold').fontSize(fittedSize(doc, signatory?.name ?? words.signatory, 'Helvetica-Bold', 11, 7, signWidth, 1)).fillColor(INK);
  doc.text(signatory?.name ?? words.signatory, signX, footTop + 56, { width: signWidth, lineBreak: false, ellipsis: true });
  const subtitle = signatory ? [signatory.title, facts.issuer.name].filter(Boolean).join(', ') : facts.issuer.name;
  doc.font('Helvetica').fontSize(fittedSize(doc, subtitle, 'Helvetica', 9, 6.5, signWidth, 2)).fillColor(MUTED);
  doc.text(subtitle, signX, footTop + 71, { width: signWidth, height: 26, ellipsis: true });

  const qrSize = 92;
  const qrX = pageWidth - 80 - qrSize;
  doc.image(qr, qrX, footTop + 8, { width: qrSize });
  const addressWidth = 330;
  const addressX = qrX - addressWidth - 12;
  doc.font('Helvetica').fontSize(8.5).fillColor(MUTED);
  doc.text(words.verify, addressX, footTop + 40, { width: addressWidth, align: 'right', lineBreak: false });
  doc.font('Helvetica').fontSize(fittedSize(doc, facts.verifyUrl, 'Helvetica', 8.5, 5, addressWidth, 1)).fillColor(NAVY);
  doc.text(facts.verifyUrl, addressX, footTop + 52, { width: addressWidth, align: 'right', lineBreak: false, link: facts.verifyUrl });
  doc.font('Helvetica').fontSize(7.5).fillColor(MUTED);
  doc.text(`${words.number} ${facts.number}`, addressX, footTop + 82, { width: addressWidth, align: 'right', lineBreak: false });

  if (facts.signed) embedCredential(doc, facts.signed);
  doc.end();
  return done;
}
