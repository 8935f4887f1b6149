import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface Detail {
  label: string;
  value: ReactNode;
}

/** A record's fields as a definition list; empty values read "Not recorded". */
export function DetailList({ items }: { items: Detail[] }) {
  const { t } = useTranslation();
  return (
    <dl className="detail-list">
      {items.map((item) => (
        <div key={item.label} className="detail-list__row">
          <dt>{item.label}</dt>
          <dd>{item.value === null || item.value === undefined || item.value === '' ? <span className="text-base">{t('common.notRecorded')}</span> : item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
