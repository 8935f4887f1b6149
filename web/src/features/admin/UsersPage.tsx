import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ROLES, type User } from '../../api/schemas';
import { type Column, PagedTable } from '../../components/DataTable';
import { FilterBar, FilterInput, FilterSelect } from '../../components/FilterBar';
import { formatInstant } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { useOrganizationOptions } from '../organizations/api';
import { useUserList } from './api';

const FILTERS = ['q', 'role'] as const;

export function UsersPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const query = useUserList({ q: params.get('q') ?? undefined, role: params.get('role') ?? undefined, limit: 50 });
  const organizations = useOrganizationOptions();
  const organizationName = (id: string | null) => (id ? (organizations.data?.find((organization) => organization.id === id)?.name ?? '') : '');

  const columns: Column<User>[] = [
    { key: 'name', header: t('users.fields.name'), cell: (user) => <Link to={`/admin/users/${user.id}`}>{user.name}</Link> },
    { key: 'email', header: t('users.fields.email'), cell: (user) => user.email },
    {
      key: 'role',
      header: t('users.fields.role'),
      cell: (user) => (
        <>
          {t(`roles.${user.role}`)}
          {user.organizationId && <span className="display-block text-base-dark">{organizationName(user.organizationId)}</span>}
        </>
      ),
    },
    {
      key: 'status',
      header: t('users.fields.status'),
      cell: (user) =>
        user.isDisabled ? t('users.disabled') : user.mustChangePassword ? t('users.mustChangePassword') : t('users.active'),
    },
    { key: 'lastSignIn', header: t('users.fields.lastSignIn'), cell: (user) => (user.lastSignInAt ? formatInstant(user.lastSignInAt) : t('users.never')) },
  ];

  return (
    <>
      <PageHeader
        title={t('users.title')}
        actions={
          <Link to="/admin/users/new" className="usa-button">
            {t('nav.newUser')}
          </Link>
        }
      />
      <FilterBar names={FILTERS} label={t('users.filtersLabel')}>
        <FilterInput name="q" label={t('users.search')} isWide />
        <FilterSelect name="role" label={t('users.fields.role')} options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))} allLabel={t('users.allRoles')} />
      </FilterBar>
      <PagedTable query={query} caption={t('users.title')} isCaptionHidden columns={columns} rowKey={(user) => user.id} empty={t('users.empty')} />
    </>
  );
}
