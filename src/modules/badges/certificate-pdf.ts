import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { embedCredential, type SignedCredential } from './credential-attachment.js';

/** The words on a printed certificate, in the languages Cadre's certificates are printed in. */
const WORDING = {
  en: { title: 'Certificate', certifies: 'certifies that', earned: 'has earned the credential', issued: 'Issued', expires: 'Valid until', noExpiry: 'No expiry', verify: 'Verify this certificate at', chain: 'Under the standard of' },
  es: { title: 'Certificado', certifies: 'certifica que', earned: 'ha obtenido la credencial', issued: 'Emitido', expires: 'Válido hasta', noExpiry: 'Sin vencimiento', verify: 'Verifique este certificado en', chain: 'Según la norma de' },
  pt: { title: 'Certificado', certifies: 'certifica que', earned: 'obteve a credencial', issued: 'Emitido em', expires: 'Válido até', noExpiry: 'Sem validade', verify: 'Verifique este certificado em', chain: 'Segundo o padrão de' },
  fr: { title: 'Certificat', certifies: 'certifie que', earned: 'a obtenu la qualification', issued: 'Délivré le', expires: 'Valable jusqu’au', noExpiry: 'Sans expiration', verify: 'Vérifiez ce certificat sur', chain: 'Selon la norme de' },
} as const;

export type CertificateLanguage = keyof typeof WORDING;

export function certificateLanguage(wanted: string | null | undefined): CertificateLanguage {
  return wanted && wanted in WORDING ? (wanted as CertificateLanguage) : 'en';
}

export interface CertificateFacts {
  holder: string;
  credential: string;
  issuer: string;
  endorsedBy: string | null;
  issuedOn: string;
  expiresOn: string | null;
  verifyUrl: string;
  language: CertificateLanguage;
  /** The signed credential, carried inside the PDF so the PDF itself can be verified. */
  signed?: SignedCredential;
}

/** A printable, A4 landscape certificate with a QR code that opens its verification page. */
export async function certificatePdf(facts: CertificateFacts): Promise<Buffer> {
  const words = WORDING[facts.language];
  const qr = await QRCode.toBuffer(facts.verifyUrl, { errorCorrectionLevel: 'M', margin: 1, width: 240 });
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: 56, info: { Title: `${words.title}: ${facts.credential}`, Author: facts.issuer } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const width = doc.page.width - 112;
  doc.rect(28, 28, doc.page.width - 56, doc.page.height - 56).lineWidth(2).stroke('#1a4480');
  doc.moveDown(1.5).font('Helvetica-Bold').fontSize(34).fillColor('#1a4480').text(words.title, { align: 'center', width });
  doc.moveDown(0.6).font('Helvetica').fontSize(14).fillColor('#1b1b1b').text(`${facts.issuer} ${words.certifies}`, { align: 'center', width });
  doc.moveDown(0.6).font('Helvetica-Bold').fontSize(28).text(facts.holder, { align: 'center', width });
  doc.moveDown(0.6).font('Helvetica').fontSize(14).text(words.earned, { align: 'center', width });
  doc.moveDown(0.4).font('Helvetica-Bold').fontSize(20).text(facts.credential, { align: 'center', width });
  if (facts.endorsedBy) doc.moveDown(0.4).font('Helvetica-Oblique').fontSize(12).text(`${words.chain} ${facts.endorsedBy}`, { align: 'center', width });
  doc.moveDown(1).font('Helvetica').fontSize(12).text(`${words.issued}: ${facts.issuedOn}    ${words.expires}: ${facts.expiresOn ?? words.noExpiry}`, { align: 'center', width });
  const qrY = doc.page.height - 56 - 150;
  doc.image(qr, doc.page.width - 56 - 130, qrY, { width: 120 });
  doc.fontSize(10).fillColor('#565c65').text(`${words.verify} ${facts.verifyUrl}`, 56, qrY + 90, { width: width - 160 });
  if (facts.signed) embedCredential(doc, facts.signed);
  doc.end();
  return done;
}
