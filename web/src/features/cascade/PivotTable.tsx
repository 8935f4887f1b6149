import { useTranslation } from 'react-i18next';
import { formatCount } from '../../components/format';

export interface PivotCell {
  row: string;
  generation: number;
  people: number;
}

interface PivotTableProps {
  caption: string;
  rowHeader: string;
  /** Row keys in order, with how each is named. */
  rows: { key: string; label: string }[];
  generations: number[];
  cells: PivotCell[];
}

/** People trained by row (a country, a year) and generation, with each row's total. */
export function PivotTable({ caption, rowHeader, rows, generations, cells }: PivotTableProps) {
  const { t } = useTranslation();
  const count = (row: string, generation: number) => cells.find((cell) => cell.row === row && cell.generation === generation)?.people ?? 0;
  const generationLabel = (generation: number) => t('cascade.generationN', { generation });
  return (
    <table className="usa-table usa-table--borderless usa-table--stacked width-full margin-top-0 cascade-pivot">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{rowHeader}</th>
          {generations.map((generation) => (
            <th key={generation} scope="col" className="cell-number">
              {generationLabel(generation)}
            </th>
          ))}
          <th scope="col" className="cell-number">
            {t('cascade.total')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row" data-label={rowHeader}>
              {row.label}
            </th>
            {generations.map((generation) => (
              <td key={generation} data-label={generationLabel(generation)} className="cell-number">
                {formatCount(count(row.key, generation))}
              </td>
            ))}
            <td data-label={t('cascade.total')} className="cell-number text-bold">
              {formatCount(generations.reduce((sum, generation) => sum + count(row.key, generation), 0))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
