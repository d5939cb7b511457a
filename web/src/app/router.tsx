import type { ReactNode } from 'react';
import { createBrowserRouter, Navigate, Outlet } from 'react-router';
import { paths } from '@/config/paths';
import { AppLayout } from '@/components/layouts/app-layout';
import { ErrorBoundary } from '@/components/errors/error-boundary';
import { LiveContext } from '@/app/live-context';
import { PwaUpdateBanner } from '@/app/pwa';
import { RequireAuth } from '@/app/require-auth';
import { BookingsRoute } from '@/app/routes/bookings-routes';
import { NotFound } from '@/app/routes/not-found';
import { SpotRoute } from '@/app/routes/spot-route';
import { useRealtime } from '@/app/use-realtime';
import { useSessionReset } from '@/app/use-session-reset';
import { useMe } from '@/lib/session';
import { SignInForm } from '@/features/auth/components/sign-in-form';
import { SignUpForm } from '@/features/auth/components/sign-up-form';
import {
  ForgotPasswordForm,
  ResetPasswordForm,
  VerifyEmail,
} from '@/features/auth/components/password-reset';
import { SearchScreen } from '@/features/spots/components/search-screen';

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

const owner = () => import('@/app/routes/owner-routes');

export const router = createBrowserRouter([
  {
    element: <Root />,
    children: [
      { path: paths.search, element: <SearchScreen /> },
      { path: '/spots/:spotId', element: <SpotRoute /> },
      {
        element: <Protected />,
        children: [
          {
            path: '/spots/:spotId/book',
            lazy: () =>
              import('@/app/routes/book-route').then((mod) => ({ Component: mod.BookRoute })),
          },
          { path: paths.bookings, element: <BookingsRoute /> },
          {
            path: '/bookings/:bookingId',
            lazy: () =>
              import('@/app/routes/booking-route').then((mod) => ({ Component: mod.BookingRoute })),
          },
          {
            path: '/bookings/:bookingId/receipt',
            lazy: () =>
              import('@/app/routes/booking-route').then((mod) => ({ Component: mod.ReceiptRoute })),
          },
          {
            path: '/bookings/:bookingId/review',
            lazy: () =>
              import('@/app/routes/review-route').then((mod) => ({ Component: mod.ReviewRoute })),
          },
          {
            path: paths.owner,
            lazy: () => owner().then((mod) => ({ Component: mod.OwnerLayout })),
            children: [
              { index: true, element: <Navigate to={paths.ownerSpots} replace /> },
              {
                path: 'spots',
                lazy: () => owner().then((mod) => ({ Component: mod.OwnerSpotsRoute })),
              },
              {
                path: 'spots/new',
                lazy: () => owner().then((mod) => ({ Component: mod.NewSpotRoute })),
              },
              {
                path: 'spots/:spotId/edit',
                lazy: () => owner().then((mod) => ({ Component: mod.EditSpotRoute })),
              },
              {
                path: 'bookings',
                lazy: () => owner().then((mod) => ({ Component: mod.OwnerBookingsRoute })),
              },
              {
                path: 'reviews',
                lazy: () => owner().then((mod) => ({ Component: mod.OwnerReviewsRoute })),
              },
              {
                path: 'earnings',
                lazy: () => owner().then((mod) => ({ Component: mod.OwnerEarningsRoute })),
              },
              {
                path: 'verify',
                lazy: () => owner().then((mod) => ({ Component: mod.OwnerVerifyRoute })),
              },
            ],
          },
          { path: paths.admin, element: <Navigate to={paths.adminDashboard} replace /> },
          {
            path: paths.adminDashboard,
            lazy: () =>
              import('@/app/routes/admin-route').then((mod) => ({
                Component: mod.AdminDashboardRoute,
              })),
          },
          {
            path: paths.profile,
            lazy: () =>
              import('@/app/routes/profile-route').then((mod) => ({ Component: mod.ProfileRoute })),
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
