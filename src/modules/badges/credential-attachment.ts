import { createRequire } from 'node:module';
import path from 'node:path';
import { AppError, invalid } from '../../platform/errors.js';
import { badgesText } from './badges.messages.js';

/** The names the signed credential travels under inside a certificate PDF. */
export const ATTACHMENT = {
  json: { name: 'credential.json', type: 'application/vc+ld+json', description: 'The signed Open Badges 3.0 credential (Data Integrity proof) this certificate prints.' },
  jwt: { name: 'credential.jwt', type: 'application/vc+jwt', description: 'The same credential as a VC-JWT (RS256).' },
} as const;

export interface SignedCredential {
  json: string;
  jwt: string;
  issuedAt: Date;
}

/**
 * Embeds the signed credential in a certificate as PDF file attachments (the catalog's
 * EmbeddedFiles and AF entries), so the printed certificate can itself be verified. They are
 * marked as the page's `Alternative` (PDF 2.0 / PDF/A-3 AFRelationship): the machine-readable
 * form of what the page says, as invoices carry their XML.
 */
export function embedCredential(doc: PDFKit.PDFDocument, credential: SignedCredential): void {
  for (const [kind, body] of [['json', credential.json] as const, ['jwt', credential.jwt] as const]) {
    const { name, type, description } = ATTACHMENT[kind];
    // `relationship` is pdfkit's AFRelationship option, missing from its type definitions.
    const options: PDFKit.Mixins.PDFAttachmentOptions & { relationship: string } = { name, type, description, creationDate: credential.issuedAt, modifiedDate: credential.issuedAt, relationship: 'Alternative' };
    doc.file(Buffer.from(body, 'utf8'), options);
  }
}

/** What a PDF may weigh to be checked: a certificate is tens of kilobytes; an issuer's mark adds some. */
export const MAX_PDF_BYTES = 3 * 1024 * 1024;

const require = createRequire(import.meta.url);

/**
 * The signed credential a certificate PDF carries, as text: its JSON (Data Integrity) attachment,
 * else its VC-JWT. Read with Mozilla's PDF.js; a file that is not a readable PDF, or a PDF with
 * no credential in it, is refused with a problem that says which.
 */
export async function extractCredential(bytes: Uint8Array): Promise<string> {
  if (bytes.byteLength > MAX_PDF_BYTES) throw new AppError('payload_too_large', badgesText('pdf.tooLarge', { size: MAX_PDF_BYTES / 1024 / 1024 }));
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const standardFontDataUrl = `${path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;
  const task = pdfjs.getDocument({ data: new Uint8Array(bytes), standardFontDataUrl, isEvalSupported: false, stopAtErrors: true, verbosity: 0 });
  let attachments: Record<string, { filename: string; content: Uint8Array }> | null;
  try {
    const document = await task.promise;
    attachments = (await document.getAttachments()) as typeof attachments;
  } catch {
    throw invalid(badgesText('pdf.unreadable'), [{ pointer: '/body/pdf', detail: badgesText('pdf.unreadableField') }]);
  } finally {
    await task.destroy();
  }
  const files = Object.values(attachments ?? {});
  const found = files.find((file) => file.filename === ATTACHMENT.json.name) ?? files.find((file) => file.filename === ATTACHMENT.jwt.name);
  if (!found) {
    throw invalid(badgesText('pdf.noCredential'), [{ pointer: '/body/pdf', detail: badgesText('pdf.noCredentialField') }]);
  }
  return new TextDecoder().decode(found.content);
}
