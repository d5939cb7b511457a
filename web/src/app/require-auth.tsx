import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { paths, withNext } from '@/config/paths';
import { useSignedIn } from '@/lib/session';

export function RequireAuth({ children }: { children: ReactNode }) {
  const signedIn = useSignedIn();
  const location = useLocation();
  if (!signedIn) {
    return (
      <Navigate to={withNext(paths.signIn, `${location.pathname}${location.search}`)} replace />
    );
  }
  return <>{children}</>;
}
