import { useTranslation } from 'react-i18next';
import type { Credential } from '../../api/schemas';
import { formatCount } from '../../components/format';

type Rules = Pick<Credential, 'passMark' | 'minAttendancePercent' | 'validityMonths' | 'coTeachingsBeforeLead'>;

/** What a credential's numbers mean, in sentences: who earns it, for how long, and when they may lead. */
export function useCredentialRules(credential: Rules): string[] {
  const { t } = useTranslation();
  return [
    credential.passMark === null
      ? t('credentials.rules.attendanceOnly', { percent: credential.minAttendancePercent })
      : t('credentials.rules.attendanceAndScore', { percent: credential.minAttendancePercent, mark: credential.passMark }),
    credential.validityMonths === null
      ? t('credentials.rules.neverExpires')
      : t('credentials.rules.validFor', { count: credential.validityMonths, formatted: formatCount(credential.validityMonths) }),
    credential.coTeachingsBeforeLead === 0
      ? t('credentials.rules.leadAtOnce')
      : t('credentials.rules.coTeachFirst', { count: credential.coTeachingsBeforeLead }),
  ];
}

export function CredentialRules({ credential }: { credential: Rules }) {
  const rules = useCredentialRules(credential);
  return (
    <ul className="usa-list margin-y-0">
      {rules.map((rule) => (
        <li key={rule}>{rule}</li>
      ))}
    </ul>
  );
}
