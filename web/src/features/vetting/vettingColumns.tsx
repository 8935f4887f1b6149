import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import type { VettingRecord } from '../../api/schemas';
import type { Column } from '../../components/DataTable';
import { countryName, formatDate } from '../../components/format';

/** The person a vetting case is about: their name, agency and its country. */
export function VettedPerson({ record }: { record: VettingRecord }) {
  return (
    <>
      <Link to={`/people/${record.person.id}`}>{record.person.name}</Link>
      <span className="display-block text-normal text-base-dark">
        {record.person.organizationName}, {countryName(record.person.country)}
      </span>
    </>
  );
}

export function personColumn(t: TFunction): Column<VettingRecord> {
  return { key: 'person', header: t('vetting.fields.person'), cell: (record) => <VettedPerson record={record} /> };
}

export function caseColumns(t: TFunction): Column<VettingRecord>[] {
  return [
    { key: 'case', header: t('vetting.fields.caseReference'), cell: (record) => record.caseReference },
    { key: 'submitted', header: t('vetting.fields.submittedOn'), cell: (record) => formatDate(record.submittedOn) },
  ];
}
