import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CertificateSummary } from '../../api/schemas';
import { PUBLIC_PATH } from '../../app/publicPages';
import { RecordSentence } from '../../language/Foreign';

/** The offline check needs the issuer's published files, which the credential itself names. */
const OFFLINE_COMMAND = 'cadre verify credential.json --keys issuer.json jwks.json --status-list status.json';

/**
 * The certificate does not have to be taken on Cadre's word: its file is signed, and the issuer's
 * keys are published at its address, so anyone can check it with their own tools, offline.
 */
export function VerifyYourself({ issuer }: { issuer: CertificateSummary['issuer'] }) {
  const { t } = useTranslation();
  const published = [
    { key: 'profile', label: t('verify.yourself.profile'), url: issuer.url },
    { key: 'jwks', label: t('verify.yourself.jwks'), url: `${issuer.url}/jwks.json` },
    { key: 'status', label: t('verify.yourself.statusList'), url: `${issuer.url}/status/revocation` },
  ];
  return (
    <section aria-labelledby="yourself-heading" className="margin-top-5">
      <h2 id="yourself-heading">{t('verify.yourself.heading')}</h2>
      <p>
        <RecordSentence records={{ issuer: issuer.name }} words={(marks) => t('verify.yourself.lead', { issuer: marks.issuer })} />
      </p>
      <ul className="usa-list published-urls">
        {published.map((item) => (
          <li key={item.key}>
            <span className="display-block text-bold">{item.label}</span>
            <a href={item.url}>{item.url}</a>
          </li>
        ))}
      </ul>
      <p>{t('verify.yourself.offline')}</p>
      <pre className="command">
        <code>{OFFLINE_COMMAND}</code>
      </pre>
      <p>
        {t('verify.yourself.online')} <Link to={PUBLIC_PATH}>{t('verify.yourself.onlineLink')}</Link>
      </p>
    </section>
  );
}
