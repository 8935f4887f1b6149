import type { ReactNode } from 'react';
import { SingleColumn } from '../../app/Main';

/** The narrow card the sign-in steps are shown in. */
export function SignInCard({ children }: { children: ReactNode }) {
  return (
    <SingleColumn>
      <div className="grid-row flex-justify-center">
        <div className="grid-col-12 tablet:grid-col-8 desktop:grid-col-6">
          <div className="bg-white padding-y-3 padding-x-3 tablet:padding-x-5 border border-base-lighter radius-md">{children}</div>
        </div>
      </div>
    </SingleColumn>
  );
}

/** Only a path inside Cadre, so a crafted link cannot send someone elsewhere after sign-in. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

/** Where a newly signed-in user goes first: their own password, then a second factor their role requires, then where they were going. */
export function firstStop(me: { user: { mustChangePassword: boolean }; mustEnrolSecondFactor: boolean }, next: string): string {
  if (me.user.mustChangePassword) return '/account/password';
  if (me.mustEnrolSecondFactor) return '/account/security';
  return next;
}
