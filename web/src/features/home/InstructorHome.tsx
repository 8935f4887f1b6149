import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PagedTable } from '../../components/DataTable';
import { useOfferingList } from '../offerings/api';
import { useOfferingColumns } from '../offerings/OfferingsTable';

/** An instructor's offerings still open (to record and close), and the way to their cascade. */
export function InstructorHome({ personId }: { personId: string | null }) {
  const { t } = useTranslation();
  const query = useOfferingList({ status: 'scheduled', limit: 10 });
  const columns = useOfferingColumns();
  return (
    <>
      <section aria-labelledby="instructor-offerings-heading" className="home-panel">
        <h2 id="instructor-offerings-heading" className="margin-top-0">
          {t('home.instructorOfferings')}
        </h2>
        <PagedTable query={query} caption={t('home.instructorOfferings')} isCaptionHidden columns={columns} rowKey={(offering) => offering.id} empty={t('home.noOpenOfferings')} />
        <Link to="/offerings">{t('home.allOwnOfferings')}</Link>
      </section>
      {personId && (
        <p>
          <Link to={`/cascade/instructors/${personId}`}>{t('home.ownCascade')}</Link>
        </p>
      )}
    </>
  );
}
