import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Verdict } from '../../api/schemas';
import { Alert } from '../../components/Alert';
import { formatLongDate } from '../../components/format';
import { RecordSentence } from '../../language/Foreign';

const ALERT_TYPE = { genuine: 'success', genuine_expired: 'warning', revoked: 'error', not_genuine: 'error' } as const;

/** The translation key of the verdict's sentence: the server words it the same way (`verdict.ts`). */
function textKey(verdict: Verdict): 'verify.verdict.genuine.textNoEnd' | 'verify.verdict.not_genuine.textUnreadable' | `verify.verdict.${Verdict['code']}.text` {
  if (verdict.code === 'genuine' && !verdict.facts.validUntil) return 'verify.verdict.genuine.textNoEnd';
  if (verdict.code === 'not_genuine' && !verdict.facts.credential) return 'verify.verdict.not_genuine.textUnreadable';
  return `verify.verdict.${verdict.code}.text`;
}

/**
 * The server's verdict on a credential, in the reader's language: the same words on the
 * certificate's page and for a file checked on the verification page. Its heading says it in
 * words, so it never rests on colour.
 */
export function VerdictBanner({ verdict, headingLevel, children }: { verdict: Verdict; headingLevel?: 'h2' | 'h3'; children?: ReactNode }) {
  const { t } = useTranslation();
  const { facts } = verdict;
  const values = {
    holder: facts.holder ?? t('verify.verdict.unnamed.holder'),
    credential: facts.credential ?? t('verify.verdict.unnamed.credential'),
    issuer: facts.issuer ?? t('verify.verdict.unnamed.issuer'),
    from: facts.validFrom ? formatLongDate(facts.validFrom) : t('verify.verdict.unnamed.date'),
    until: facts.validUntil ? formatLongDate(facts.validUntil) : t('verify.verdict.unnamed.date'),
    reason: facts.reviewReason ?? '',
  };
  // The credential's and the issuer's names are records, typed in English; the holder's is in no language.
  const records = Object.fromEntries(Object.entries({ credential: facts.credential, issuer: facts.issuer }).filter((entry): entry is [string, string] => Boolean(entry[1])));
  const type = verdict.code === 'genuine' && verdict.cautions.length > 0 ? 'warning' : ALERT_TYPE[verdict.code];
  return (
    <Alert type={type} heading={t(`verify.verdict.${verdict.code}.heading`)} headingLevel={headingLevel} className="verdict margin-bottom-4">
      <span className="display-block">
        <RecordSentence records={records} words={(marks) => t(textKey(verdict), { ...values, ...marks })} />
      </span>
      {verdict.cautions.map((caution) => (
        <span key={caution.code} className="display-block margin-top-1">
          {t(`verify.verdict.caution.${caution.code}`, values)}
        </span>
      ))}
      {children}
    </Alert>
  );
}
