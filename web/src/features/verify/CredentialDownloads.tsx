import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { languageName } from '../../components/format';
import i18next from '../../i18n';
import { CERTIFICATE_LANGUAGES, type CertificateLanguage, credentialFiles } from './api';

function defaultLanguage(): CertificateLanguage {
  return CERTIFICATE_LANGUAGES.find((language) => language === i18next.language) ?? 'en';
}

/**
 * A certificate's files: the signed credential as JSON and as a VC-JWT, and the printable
 * certificate in the language chosen. The public page and the staff's certification page share it.
 */
export function CredentialDownloads({ certificationId, idPrefix = 'downloads' }: { certificationId: string; idPrefix?: string }) {
  const { t } = useTranslation();
  const [language, setLanguage] = useState<CertificateLanguage>(defaultLanguage);
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
              <option key={code} value={code}>
                {languageName(code)}
              </option>
            ))}
          </select>
          <a className="usa-button usa-button--outline" href={files.pdf(language)} download>
            {t('verify.downloads.pdf', { language: languageName(language) })}
          </a>
        </div>
      </li>
    </ul>
  );
}
