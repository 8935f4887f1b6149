import { useTranslation } from 'react-i18next';
import type { ProgramCascade } from '../../api/schemas';
import { formatCount } from '../../components/format';

/**
 * People trained per generation as horizontal bars, widths a share of the largest (leaving room
 * for the figure), so the chart fits any screen. Each bar's figure is written beside it; the table below has the same.
 */
export function GenerationBars({ generations }: { generations: ProgramCascade['generations'] }) {
  const { t } = useTranslation();
  const trained = generations.filter((row) => row.generation > 0);
  const largest = Math.max(1, ...trained.map((row) => row.peopleTrained));
  if (trained.length === 0) return null;
  return (
    <figure className="cascade-bars margin-x-0" aria-labelledby="cascade-bars-caption">
      <figcaption id="cascade-bars-caption" className="cascade-bars__caption">
        {t('cascade.barsCaption')}
      </figcaption>
      <ol className="cascade-bars__list">
        {trained.map((row) => (
          <li key={row.generation} className="cascade-bars__row">
            <span className="cascade-bars__label">{t('cascade.generationN', { generation: row.generation })}</span>
            <span className="cascade-bars__track">
              <span className="cascade-bars__bar" style={{ width: `calc((100% - 9rem) * ${row.peopleTrained / largest})` }} aria-hidden="true" />
              <span className="cascade-bars__value">{t('cascade.peopleCount', { count: row.peopleTrained, formatted: formatCount(row.peopleTrained) })}</span>
            </span>
          </li>
        ))}
      </ol>
    </figure>
  );
}
