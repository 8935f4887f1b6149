import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RecordSentence } from '../../language/Foreign';
import { LANGUAGE_NAMES } from '../../language/languages';
import { CERTIFICATE_LANGUAGES, type CertificateLanguage, credentialFiles } from './api';

/** The page's language when certificates are printed in it, else English. */
function defaultLanguage(pageLanguage: string): CertificateLanguage {
  return CERTIFICATE_LANGUAGES.find((language) => language === pageLanguage) ?? 'en';
}

/**
 * A certificate's files: the signed credential as JSON and as a VC-JWT, and the printable
 * certificate in the language chosen, each language by its own name (as the language switch
 * lists them: a reader finds theirs whatever the page's language, and Intl names none in Kreyòl).
 * The public page and the staff's certification page share it.
 */
export function CredentialDownloads({ certificationId, idPrefix = 'downloads' }: { certificationId: string; idPrefix?: string }) {
  const { t, i18n } = useTranslation();
  // The page's language until the reader picks another: switching the page's language moves it too.
  const [chosen, setLanguage] = useState<CertificateLanguage | null>(null);
  const language = chosen ?? defaultLanguage(i18n.language);
  const files = credentialFiles(certificationId);
  const selectId = `${idPrefix}-pdf-language`;
  return (
    <ul className="usa-list usa-list--unstyled credential-downloads">
      <li>
        <a href={files.json} download={`credential-${certificationId}.json`}>
          {t('verify.downloads.json')}
        </a>
        <span className="display-block usa-hint">{t('verify.downloads.jsonHint')}</span>
      </li>
      <li>
        <a href={files.jwt} download={`credential-${certificationId}.jwt`}>
          {t('verify.downloads.jwt')}
        </a>
        <span className="display-block usa-hint">{t('verify.downloads.jwtHint')}</span>
      </li>
      <li>
        <label className="usa-label margin-top-0" htmlFor={selectId}>
          {t('verify.downloads.pdfLanguage')}
        </label>
        <div className="inline-add">
          <select id={selectId} className="usa-select" value={language} onChange={(event) => setLanguage(event.target.value as CertificateLanguage)}>
            {CERTIFICATE_LANGUAGES.map((code) => (
              <option key={code} value={code} lang={code}>
                {LANGUAGE_NAMES[code]}
              </option>
            ))}
          </select>
          <a className="usa-button usa-button--outline" href={files.pdf(language)} download>
            {/* One span: the button lays its children out as flex items, which would part the name from its brackets. */}
            <span>
              <RecordSentence records={{ language: LANGUAGE_NAMES[language] }} lang={language} words={(marks) => t('verify.downloads.pdf', { language: marks.language })} />
            </span>
          </a>
        </div>
      </li>
    </ul>
  );
}
