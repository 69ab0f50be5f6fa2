import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Spinner } from '../ui/async-view.tsx';
import { type Audience, canEnter } from './audiences.ts';
import { NoAccessPage } from './no-access-page.tsx';
import { useSession } from './session.tsx';

/** Admits only people whose role belongs to this shell; sends the signed-out to sign-in and back. */
export function RequireAudience({ audience, children }: { audience: Audience; children: ReactNode }) {
  const { user } = useSession();
  const location = useLocation();
  if (user === undefined) {
    return (
      <div className="container shell-main">
        <Spinner />
      </div>
    );
  }
  if (user === null) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  if (!canEnter(user, audience)) return <NoAccessPage audience={audience} />;
  return <>{children}</>;
}
