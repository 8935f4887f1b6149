import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan } from '../../api/session';
import { EngagementsTable } from './EngagementsTable';

/** An organization's meetings, calls and visits, on its page. */
export function OrganizationEngagements({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  return (
    <section aria-labelledby="organization-engagements-heading" className="margin-top-5">
      <div className="section-heading">
        <h2 id="organization-engagements-heading">{t('engagements.listTitle')}</h2>
        {can('engagements', 'create') && (
          <Link to={`/engagements/new?organizationId=${organizationId}`} className="usa-button usa-button--outline">
            {t('nav.newEngagement')}
          </Link>
        )}
      </div>
      <EngagementsTable params={{ organizationId }} isOrganizationShown={false} caption={t('engagements.listTitle')} />
    </section>
  );
}
