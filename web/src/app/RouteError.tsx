import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { isProblem } from '../api/problem';
import { PageHeader } from '../components/PageHeader';
import { ProblemAlert } from '../components/ProblemAlert';
import { SingleColumn } from './Main';
import { NotFoundContent } from './NotFound';

/** Shown when a page fails to render; a missing record reads as "not found". */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  if ((isRouteErrorResponse(error) && error.status === 404) || isProblem(error, 404)) {
    return (
      <SingleColumn>
        <NotFoundContent />
      </SingleColumn>
    );
  }
  return (
    <SingleColumn>
      <PageHeader title={t('errors.crashTitle')} />
      <ProblemAlert error={error} />
      <Link to="/">{t('errors.goHome')}</Link>
    </SingleColumn>
  );
}
