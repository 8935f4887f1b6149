import { useTranslation } from 'react-i18next';
import { useNavigation } from 'react-router';

/** Stands in for a page whose area's chunk is still loading, on the first page the app opens. */
export function PageLoading() {
  const { t } = useTranslation();
  return (
    <p role="status" className="page-loading">
      {t('common.loading')}
    </p>
  );
}

/**
 * While the router fetches the next page's chunk the current page stays; this status says so,
 * to the eye and to a screen reader (the region is always there, so its change is announced).
 */
export function NavigationStatus() {
  const { t } = useTranslation();
  const isLoading = useNavigation().state === 'loading';
  return (
    <div role="status" className={isLoading ? 'navigation-status navigation-status--loading' : 'usa-sr-only'}>
      {isLoading ? t('common.loading') : ''}
    </div>
  );
}
