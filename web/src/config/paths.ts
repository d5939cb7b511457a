// Every route of the app in one place, so features link to each other without importing each other.

export const paths = {
  search: '/',
  spot: (spotId: string) => `/spots/${spotId}`,
  book: (spotId: string) => `/spots/${spotId}/book`,
  bookings: '/bookings',
  booking: (bookingId: string) => `/bookings/${bookingId}`,
  review: (bookingId: string) => `/bookings/${bookingId}/review`,
  receipt: (bookingId: string) => `/bookings/${bookingId}/receipt`,
  owner: '/owner',
  ownerSpots: '/owner/spots',
  ownerNewSpot: '/owner/spots/new',
  ownerEditSpot: (spotId: string) => `/owner/spots/${spotId}/edit`,
  ownerSpotCalendar: (spotId: string) => `/owner/spots/${spotId}/calendar`,
  ownerBookings: '/owner/bookings',
  ownerReviews: '/owner/reviews',
  ownerEarnings: '/owner/earnings',
  ownerVerify: '/owner/verify',
  profile: '/profile',
  notifications: '/notifications',
  admin: '/admin',
  adminDashboard: '/admin/dashboard',
  adminUsers: '/admin/users',
  adminAudit: '/admin/audit',
  signIn: '/sign-in',
  signUp: '/sign-up',
  forgotPassword: '/forgot-password',
  resetPassword: '/reset-password',
  verifyEmail: '/verify-email',
} as const;

export function withNext(path: string, next: string | undefined): string {
  return next ? `${path}?next=${encodeURIComponent(next)}` : path;
}

/** Only same-app relative paths are accepted as a post-sign-in destination. */
export function safeNext(next: string | null | undefined): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : paths.search;
}
