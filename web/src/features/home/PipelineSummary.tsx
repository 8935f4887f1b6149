import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatCount } from '../../components/format';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { StageBadge } from '../../components/StageBadge';
import { useBoard } from '../partnerships/api';

/** How many partners are at each stage, each count linking to its board column. */
export function PipelineSummary() {
  const { t } = useTranslation();
  const board = useBoard();
  return (
    <section aria-labelledby="pipeline-summary-heading" className="home-panel">
      <h2 id="pipeline-summary-heading" className="margin-top-0">
        {t('home.pipelineHeading')}
      </h2>
      {board.isPending && <Loading />}
      {board.isError && <ProblemAlert error={board.error} headingLevel="h3" />}
      {board.data && (
        <table className="usa-table usa-table--borderless width-full margin-top-0">
          <caption className="usa-sr-only">{t('home.pipelineCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('partnerships.fields.stage')}</th>
              <th scope="col" className="text-right">
                {t('home.partners')}
              </th>
            </tr>
          </thead>
          <tbody>
            {board.data.columns.map((column) => (
              <tr key={column.stage}>
                <th scope="row">
                  <StageBadge stage={column.stage} />
                </th>
                <td className="text-right">
                  <Link to={`/partnerships#stage-${column.stage}`} aria-label={t('home.stageCountLabel', { stage: t(`stages.${column.stage}`), count: column.count })}>
                    {formatCount(column.count)}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
