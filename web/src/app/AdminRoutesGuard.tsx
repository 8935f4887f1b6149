import { Outlet } from 'react-router';
import { useCan } from '../api/session';
import { Forbidden } from './Forbidden';
import { SingleColumn } from './Main';

/** The admin pages are for those who manage users; others get a plain "not allowed" (the API refuses them too). */
export function AdminRoutesGuard() {
  const can = useCan();
  if (can('users', 'read')) return <Outlet />;
  return (
    <SingleColumn>
      <Forbidden />
    </SingleColumn>
  );
}
