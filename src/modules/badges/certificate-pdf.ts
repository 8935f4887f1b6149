import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { type CertificateLanguage, countryName, hoursText, longDate, longDateRange, wordingFor } from './certificate-wording.js';

export { CERTIFICATE_LANGUAGES, type CertificateLanguage, certificateLanguage } from './certificate-wording.js';

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

/**
 * Writes centred text at `y`, at most `lines` lines (shrinking the font down to `min`, then
 * cutting with an ellipsis), and returns where the next line starts.
 */
function centred(doc: Doc, text: string, y: number, style: { font: Font; size: number; min?: number; lines?: number; color?: string; x: number; width: number; gap?: number }): number {
  const lines = style.lines ?? 1;
  const size = fittedSize(doc, text, style.font, style.size, style.min ?? style.size, style.width, lines);
  doc.font(style.font).fontSize(size).fillColor(style.color ?? INK);
  const height = Math.min(doc.heightOfString(text, { width: style.width }), lines * doc.currentLineHeight(true));
  doc.text(text, style.x, y, { width: style.width, align: 'center', height: height + 1, ellipsis: true, lineBreak: true });
  return y + height + (style.gap ?? 0);
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

  const x = 80;
  const width = pageWidth - 160;
  let y = 48;
  if (facts.issuer.mark) {
    const box = { w: 150, h: 62 };
    doc.image(facts.issuer.mark, (pageWidth - box.w) / 2, y, { fit: [box.w, box.h], align: 'center', valign: 'center' });
    y += box.h + 8;
  } else {
    y += 22;
  }
  y = centred(doc, words.title.toUpperCase(), y, { font: 'Helvetica-Bold', size: 30, x, width, color: NAVY, gap: 8 });
  y = centred(doc, `${facts.issuer.name} ${words.certifies}`, y, { font: 'Helvetica', size: 13, min: 9, lines: 2, x, width, gap: 8 });
  y = centred(doc, facts.holder, y, { font: 'Helvetica-Bold', size: 30, min: 14, x, width, gap: 4 });
  doc.moveTo(pageWidth / 2 - 160, y + 2).lineTo(pageWidth / 2 + 160, y + 2).lineWidth(0.75).stroke(GOLD);
  y += 12;
  y = centred(doc, words.earned, y, { font: 'Helvetica', size: 12, x, width, gap: 4 });
  y = centred(doc, facts.credential.name, y, { font: 'Helvetica-Bold', size: 20, min: 11, lines: 2, x, width, color: NAVY, gap: 8 });

  if (facts.course) {
    const course = facts.course;
    const hours = course.hours ? ` (${hoursText(course.hours, lang)})` : '';
    y = centred(doc, `${words.course} ${course.title}${hours}`, y, { font: 'Helvetica', size: 12, min: 8, lines: 2, x, width, gap: 2 });
    const place = [course.city, countryName(course.country, lang)].filter(Boolean).join(', ');
    y = centred(doc, `${longDateRange(course.startOn, course.endOn, lang)} · ${place}`, y, { font: 'Helvetica', size: 12, min: 8, x, width, gap: 6 });
  }
  const criteria = shortCriteria(facts.credential.criteria);
  if (criteria) y = centred(doc, criteria, y, { font: 'Helvetica-Oblique', size: 10, min: 8, lines: 2, x: x + 40, width: width - 80, color: MUTED, gap: 6 });
  const validity = facts.expiresOn ? words.validFrom(longDate(facts.issuedOn, lang), longDate(facts.expiresOn, lang)) : words.validFromNoExpiry(longDate(facts.issuedOn, lang));
  y = centred(doc, validity, y, { font: 'Helvetica-Bold', size: 11, min: 8, x, width, gap: 4 });
  if (facts.endorsedBy) centred(doc, `${words.chain} ${facts.endorsedBy}`, y, { font: 'Helvetica-Oblique', size: 10, min: 8, x, width, color: MUTED });

  // The foot: the signatory on the left, the QR code and address on the right.
  const footTop = pageHeight - 150;
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
  const addressWidth = 210;
  doc.font('Helvetica').fontSize(8.5).fillColor(MUTED);
  doc.text(words.verify, qrX - addressWidth - 12, footTop + 40, { width: addressWidth, align: 'right' });
  doc.font('Helvetica').fontSize(fittedSize(doc, facts.verifyUrl, 'Helvetica', 8.5, 6, addressWidth, 2)).fillColor(NAVY);
  doc.text(facts.verifyUrl, qrX - addressWidth - 12, footTop + 52, { width: addressWidth, align: 'right', height: 24, ellipsis: true });
  doc.font('Helvetica').fontSize(7.5).fillColor(MUTED);
  doc.text(`${words.number} ${facts.number}`, qrX - addressWidth - 12, footTop + 82, { width: addressWidth + 12 + qrSize, align: 'right', lineBreak: false });

  doc.end();
  return done;
}
