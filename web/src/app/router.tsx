import type { ComponentType, ReactNode } from 'react';
import { createBrowserRouter, Navigate, Outlet, type RouteObject } from 'react-router';
import { paths } from '@/config/paths';
import { AppLayout } from '@/components/layouts/app-layout';
import { ErrorBoundary } from '@/components/errors/error-boundary';
import { LiveContext } from '@/app/live-context';
import { PwaUpdateBanner } from '@/app/pwa';
import { RequireAuth } from '@/app/require-auth';
import { NotFound } from '@/app/routes/not-found';
import { useRealtime } from '@/app/use-realtime';
import { useSessionReset } from '@/app/use-session-reset';
import { useMe } from '@/lib/session';
import { Skeleton } from '@/components/ui/status';
import { SignInForm } from '@/features/auth/components/sign-in-form';
import { SignUpForm } from '@/features/auth/components/sign-up-form';
import {
  ForgotPasswordForm,
  ResetPasswordForm,
  VerifyEmail,
} from '@/features/auth/components/password-reset';

function Root() {
  const live = useRealtime();
  useSessionReset();
  const me = useMe();
  return (
    <LiveContext.Provider value={live}>
      <ErrorBoundary>
        <AppLayout banner={<PwaUpdateBanner />} isAdmin={me.data?.role === 'admin'} />
      </ErrorBoundary>
    </LiveContext.Provider>
  );
}

function Protected({ children }: { children?: ReactNode }) {
  return <RequireAuth>{children ?? <Outlet />}</RequireAuth>;
}

/** Shown in a lazily loaded page's place while its code arrives on the first load. */
function PageFallback() {
  return (
    <div className="page" aria-busy="true">
      <Skeleton lines={4} />
    </div>
  );
}

/**
 * A route whose screen is its own chunk (the map library, owner and admin code load only when a
 * page needs them), with a fallback for the first load so the layout paints at once.
 */
function page<M>(
  load: () => Promise<M>,
  pick: (mod: M) => ComponentType,
): Pick<RouteObject, 'lazy' | 'HydrateFallback'> {
  return {
    lazy: () => load().then((mod) => ({ Component: pick(mod) })),
    HydrateFallback: PageFallback,
  };
}

const owner = () => import('@/app/routes/owner-routes');
const admin = () => import('@/app/routes/admin-route');
const booking = () => import('@/app/routes/booking-route');

export const router = createBrowserRouter([
  {
    element: <Root />,
    children: [
      {
        path: paths.search,
        ...page(
          () => import('@/features/spots/components/search-screen'),
          (mod) => mod.SearchScreen,
        ),
      },
      {
        path: '/spots/:spotId',
        ...page(
          () => import('@/app/routes/spot-route'),
          (mod) => mod.SpotRoute,
        ),
      },
      {
        element: <Protected />,
        children: [
          {
            path: '/spots/:spotId/book',
            ...page(
              () => import('@/app/routes/book-route'),
              (mod) => mod.BookRoute,
            ),
          },
          {
            path: paths.bookings,
            ...page(
              () => import('@/app/routes/bookings-routes'),
              (mod) => mod.BookingsRoute,
            ),
          },
          {
            path: '/bookings/:bookingId',
            ...page(booking, (mod) => mod.BookingRoute),
          },
          {
            path: '/bookings/:bookingId/receipt',
            ...page(booking, (mod) => mod.ReceiptRoute),
          },
          {
            path: '/bookings/:bookingId/review',
            ...page(
              () => import('@/app/routes/review-route'),
              (mod) => mod.ReviewRoute,
            ),
          },
          {
            path: paths.owner,
            ...page(owner, (mod) => mod.OwnerLayout),
            children: [
              { index: true, element: <Navigate to={paths.ownerSpots} replace /> },
              {
                path: 'spots',
                ...page(owner, (mod) => mod.OwnerSpotsRoute),
              },
              {
                path: 'spots/new',
                ...page(owner, (mod) => mod.NewSpotRoute),
              },
              {
                path: 'spots/:spotId/calendar',
                ...page(owner, (mod) => mod.SpotCalendarRoute),
              },
              {
                path: 'spots/:spotId/edit',
                ...page(owner, (mod) => mod.EditSpotRoute),
              },
              {
                path: 'bookings',
                ...page(owner, (mod) => mod.OwnerBookingsRoute),
              },
              {
                path: 'reviews',
                ...page(owner, (mod) => mod.OwnerReviewsRoute),
              },
              {
                path: 'earnings',
                ...page(owner, (mod) => mod.OwnerEarningsRoute),
              },
              {
                path: 'verify',
                ...page(owner, (mod) => mod.OwnerVerifyRoute),
              },
            ],
          },
          { path: paths.admin, element: <Navigate to={paths.adminDashboard} replace /> },
          {
            path: paths.adminDashboard,
            ...page(admin, (mod) => mod.AdminDashboardRoute),
          },
          { path: paths.adminUsers, ...page(admin, (mod) => mod.AdminUsersRoute) },
          { path: paths.adminAudit, ...page(admin, (mod) => mod.AdminAuditRoute) },
          {
            path: paths.profile,
            ...page(
              () => import('@/app/routes/profile-route'),
              (mod) => mod.ProfileRoute,
            ),
          },
          {
            path: paths.notifications,
            lazy: () =>
              import('@/features/notifications/components/inbox-screen').then((mod) => ({
                Component: mod.InboxScreen,
              })),
          },
        ],
      },
      { path: paths.signIn, element: <SignInForm /> },
      { path: paths.signUp, element: <SignUpForm /> },
      { path: paths.forgotPassword, element: <ForgotPasswordForm /> },
      { path: paths.resetPassword, element: <ResetPasswordForm /> },
      { path: paths.verifyEmail, element: <VerifyEmail /> },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
