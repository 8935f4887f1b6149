import { useTranslation } from 'react-i18next';
import { formatCount } from '../../components/format';

export interface GenerationFigures {
  generation: number;
  peopleTrained: number;
  newInstructors: number;
}

/** "Generation 0 (program office)", "Generation 2": how a generation is named in tables and charts. */
export function useGenerationLabel() {
  const { t } = useTranslation();
  return (generation: number) => (generation === 0 ? t('cascade.generationZeroRow') : t('cascade.generationN', { generation }));
}

/** People trained and new instructors by generation; generation 0 trains, nobody trained it. */
export function GenerationsTable({ generations, caption, className = '' }: { generations: GenerationFigures[]; caption: string; className?: string }) {
  const { t } = useTranslation();
  const label = useGenerationLabel();
  return (
    <table className={`usa-table usa-table--borderless usa-table--stacked width-full ${className}`}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('cascade.fields.generation')}</th>
          <th scope="col" className="cell-number">
            {t('cascade.fields.peopleTrained')}
          </th>
          <th scope="col" className="cell-number">
            {t('cascade.fields.newInstructors')}
          </th>
        </tr>
      </thead>
      <tbody>
        {generations.map((row) => (
          <tr key={row.generation}>
            <th scope="row" data-label={t('cascade.fields.generation')}>
              {label(row.generation)}
            </th>
            <td data-label={t('cascade.fields.peopleTrained')} className="cell-number">
              {row.generation === 0 ? t('cascade.notApplicable') : formatCount(row.peopleTrained)}
            </td>
            <td data-label={t('cascade.fields.newInstructors')} className="cell-number">
              {formatCount(row.newInstructors)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
