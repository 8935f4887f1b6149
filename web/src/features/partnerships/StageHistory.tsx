import { useTranslation } from 'react-i18next';
import type { PartnershipDetail } from '../../api/schemas';
import { formatDate } from '../../components/format';

/** Every stage the partnership went through, oldest first, as a USWDS process list. */
export function StageHistory({ history }: { history: PartnershipDetail['history'] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="stage-history-heading" className="margin-top-5">
      <h2 id="stage-history-heading">{t('partnerships.historyHeading')}</h2>
      <ol className="usa-process-list">
        {history.map((change) => (
          <li key={change.id} className="usa-process-list__item padding-bottom-3">
            <h3 className="usa-process-list__heading font-sans-md">
              {change.fromStage
                ? t('partnerships.historyMove', { from: t(`stages.${change.fromStage}`), to: t(`stages.${change.toStage}`) })
                : t('partnerships.historyStart', { to: t(`stages.${change.toStage}`) })}
            </h3>
            <p className="margin-top-05 text-base-dark">
              {change.changedByName
                ? t('partnerships.historyWhenWho', { date: formatDate(change.changedOn), name: change.changedByName })
                : formatDate(change.changedOn)}
            </p>
            {change.note && <p className="margin-top-05 pre-line">{change.note}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}
