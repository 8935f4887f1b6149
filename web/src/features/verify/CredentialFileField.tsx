import { type ChangeEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** What the API takes: a credential of up to 200,000 characters (`verifyRequestSchema`), a PDF of up to 3 MB (`verifyPdfRequestSchema`). */
const MAX_BYTES = 200_000;
const MAX_PDF_BYTES = 3 * 1024 * 1024;
const EXTENSIONS = ['.json', '.jwt', '.txt', '.pdf'];

/** What is sent to be checked: a credential's text, or a certificate PDF, base64-encoded. */
export type CredentialBody = { credential: string } | { pdf: string };

async function bodyOf(file: File): Promise<CredentialBody> {
  if (!file.name.toLowerCase().endsWith('.pdf')) return { credential: await file.text() };
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { pdf: btoa(binary) };
}

/**
 * Choosing a credential file checks it at once. A file that cannot be a credential (another
 * kind, too large, unreadable) is refused here, beside the input, before anything is sent.
 */
export function CredentialFileField({ onFile }: { onFile: (body: CredentialBody, name: string) => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const onChange = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    setError(null);
    if (!file) return;
    if (!EXTENSIONS.some((extension) => file.name.toLowerCase().endsWith(extension))) {
      setError(t('verify.file.wrongKind', { name: file.name }));
      return;
    }
    if (file.size > (file.name.toLowerCase().endsWith('.pdf') ? MAX_PDF_BYTES : MAX_BYTES)) {
      setError(t('verify.file.tooLarge', { name: file.name }));
      return;
    }
    try {
      onFile(await bodyOf(file), file.name);
    } catch {
      setError(t('verify.file.unreadable', { name: file.name }));
    }
  };
  return (
    <div className={`usa-form-group margin-top-0 ${error ? 'usa-form-group--error' : ''}`}>
      <label className={`usa-label margin-top-0 ${error ? 'usa-label--error' : ''}`} htmlFor="credential-file">
        {t('verify.file.label')}
      </label>
      <span className="usa-hint" id="credential-file-hint">
        {t('verify.file.hint')}
      </span>
      {error && (
        <span className="usa-error-message" id="credential-file-error" role="alert">
          {error}
        </span>
      )}
      <input
        id="credential-file"
        type="file"
        className={`usa-file-input ${error ? 'usa-input--error' : ''}`}
        accept={[...EXTENSIONS, 'application/json', 'text/plain', 'application/pdf'].join(',')}
        aria-describedby={error ? 'credential-file-hint credential-file-error' : 'credential-file-hint'}
        aria-invalid={error ? true : undefined}
        onChange={(event) => void onChange(event)}
      />
    </div>
  );
}
