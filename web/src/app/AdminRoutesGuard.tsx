import { Outlet } from 'react-router';
import { isAdmin, useCurrentUser } from '../api/session';
import { Forbidden } from './Forbidden';
import { SingleColumn } from './Main';

/** The admin pages are for admins; others get a plain "not allowed" (the API refuses them too). */
export function AdminRoutesGuard() {
  const user = useCurrentUser();
  if (isAdmin(user)) return <Outlet />;
  return (
    <SingleColumn>
      <Forbidden />
    </SingleColumn>
  );
}
