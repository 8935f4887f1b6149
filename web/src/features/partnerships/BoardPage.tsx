import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Board } from '../../api/schemas';
import { useCan } from '../../api/session';
import { ExportLinks } from '../../components/ExportLinks';
import { countryName, formatCount, formatDate } from '../../components/format';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { StageBadge } from '../../components/StageBadge';
import { useBoard } from './api';

function BoardColumn({ column }: { column: Board['columns'][number] }) {
  const { t } = useTranslation();
  const headingId = `stage-${column.stage}`;
  const hidden = column.count - column.items.length;
  return (
    <section className="board__column" aria-labelledby={headingId}>
      <h2 id={headingId} className="board__heading">
        <StageBadge stage={column.stage} />
        <span className="board__count">{t('partnerships.columnCount', { count: column.count, formatted: formatCount(column.count) })}</span>
      </h2>
      {column.items.length === 0 ? (
        <p className="board__empty">{t('partnerships.columnEmpty')}</p>
      ) : (
        <ul className="board__cards">
          {column.items.map((partnership) => (
            <li key={partnership.id} className="board__card">
              <Link to={`/partnerships/${partnership.id}`} className="board__card-link">
                {partnership.organization.name}
              </Link>
              <span className="board__meta">
                {t(`organizationKinds.${partnership.organization.kind}`)} · {countryName(partnership.organization.country)}
              </span>
              <span className="board__meta">{t('partnerships.sinceDate', { date: formatDate(partnership.stageChangedOn) })}</span>
            </li>
          ))}
        </ul>
      )}
      {hidden > 0 && <p className="board__more">{t('partnerships.columnMore', { count: hidden })}</p>}
    </section>
  );
}

/** The pipeline, one column per stage, read left to right; on a phone the columns stack. */
export function BoardPage() {
  const { t } = useTranslation();
  const can = useCan();
  const board = useBoard();
  return (
    <>
      <PageHeader
        title={t('partnerships.boardTitle')}
        lead={t('partnerships.boardLead')}
        actions={
          <>
            {can('partnerships', 'create') && (
              <Link to="/partnerships/new" className="usa-button">
                {t('nav.newPartnership')}
              </Link>
            )}
            <ExportLinks path="/partnerships" params={{ sort: 'stage' }} />
          </>
        }
      />
      {board.isPending && <Loading />}
      {board.isError && <ProblemAlert error={board.error} />}
      {board.data && (
        <div className="board">
          {board.data.columns.map((column) => (
            <BoardColumn key={column.stage} column={column} />
          ))}
        </div>
      )}
    </>
  );
}
