import { useTranslation } from 'react-i18next';

/** A quiet placeholder while data loads; announced politely to screen readers. */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="text-base" role="status">
      {label ?? t('common.loading')}
    </p>
  );
}
