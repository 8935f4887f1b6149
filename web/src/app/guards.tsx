import { Navigate, Outlet, useLocation } from 'react-router';
import { useMe } from '../api/session';
import { Loading } from '../components/Loading';
import { ProblemAlert } from '../components/ProblemAlert';
import { SingleColumn } from './Main';

/**
 * Pages behind sign-in. Someone with a one-time password changes it before anything else, and
 * someone whose role requires a second factor enrols one next, as the API insists too.
 */
export function RequireSignIn() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) {
    return (
      <SingleColumn>
        <Loading />
      </SingleColumn>
    );
  }
  if (me.isError) {
    return (
      <SingleColumn>
        <ProblemAlert error={me.error} />
      </SingleColumn>
    );
  }
  if (!me.data) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  if (me.data.user.mustChangePassword && location.pathname !== '/account/password') {
    return <Navigate to="/account/password" replace />;
  }
  if (!me.data.user.mustChangePassword && me.data.mustEnrolSecondFactor && location.pathname !== '/account/security') {
    return <Navigate to="/account/security" replace />;
  }
  return <Outlet />;
}
