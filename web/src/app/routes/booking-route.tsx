import { useParams } from 'react-router';
import { fmt, m } from '@/i18n/messages';
import { ApiError } from '@/lib/api-client';
import { useClientConfig } from '@/lib/client-config';
import { formatDateTime, safeTimeZone } from '@/lib/format';
import { useMe } from '@/lib/session';
import { EmptyState, ErrorState, Notice, Spinner } from '@/components/ui/status';
import { ActionsSection } from '@/features/bookings/components/booking-page/actions-section';
import { CancelSection } from '@/features/bookings/components/booking-page/cancel-section';
import { DetailsSection } from '@/features/bookings/components/booking-page/details-section';
import { ExtendSection } from '@/features/bookings/components/booking-page/extend-section';
import { PassCard } from '@/features/bookings/components/booking-page/pass-card';
import { StatusTimeline } from '@/features/bookings/components/booking-page/status-timeline';
import { useBookingPage } from '@/features/bookings/components/booking-page/use-booking-page';
import { ReceiptView } from '@/features/bookings/components/receipt-view';
import { StripePayment } from '@/features/payments/components/stripe-payment';
import { MessagesSection } from '@/features/notifications/components/messages-section';
import type { BookingSection } from '@/types/booking-section';

/**
 * The sections of the booking page, top to bottom. Each takes `BookingSectionProps` and renders
 * nothing when it does not apply; adding a section (say, messages with the owner) is one line here.
 */
const sections: BookingSection[] = [
  StatusTimeline,
  PassCard,
  ActionsSection,
  DetailsSection,
  ExtendSection,
  MessagesSection,
  CancelSection,
];

export function BookingRoute() {
  const { bookingId = '' } = useParams();
  const config = useClientConfig();
  const page = useBookingPage(bookingId);
  const me = useMe();

  if (page.loading) return <Spinner />;
  if (!page.booking) {
    return page.error instanceof ApiError &&
      (page.error.status === 404 || page.error.status === 403) ? (
      <EmptyState title={m.bookingPage.notFound} />
    ) : (
      <ErrorState error={page.error} onRetry={page.retry} />
    );
  }
  const booking = page.booking;
  const timeZone = safeTimeZone(booking.parking_spot?.time_zone);
  const currency = (
    booking.currency ??
    booking.parking_spot?.currency ??
    config.defaultCurrency
  ).toLowerCase();
  const key = config.stripePublishableKey;
  const props = {
    booking,
    pass: page.pass,
    offline: page.offline,
    currency,
    timeZone,
    // offline, the page only shows what the driver saved on this device
    isDriver: me.data ? me.data.id === booking.user_id : page.offline,
    cancellationPolicy: config.cancellationPolicy,
    extensionPayment: key
      ? (extensionId: string, onPaid: () => void) => (
          <StripePayment
            booking={booking}
            extensionId={extensionId}
            publishableKey={key}
            currency={currency}
            onPaid={onPaid}
          />
        )
      : undefined,
  };
  return (
    <div className="page booking-page">
      <header className="page-header">
        <h1>{booking.parking_spot?.title ?? m.bookingPage.title}</h1>
        <span className={`status status-${booking.status}`}>
          {m.booking.status[booking.status] ?? booking.status}
        </span>
      </header>
      {page.savedAt ? (
        <Notice kind="warning">
          <span data-testid="saved-at">
            {fmt(m.bookingPage.savedAt, { time: formatDateTime(page.savedAt, timeZone) })}
          </span>
        </Notice>
      ) : null}
      {sections.map((Section, i) => (
        <Section key={i} {...props} />
      ))}
    </div>
  );
}

export function ReceiptRoute() {
  const { bookingId = '' } = useParams();
  return (
    <div className="page">
      <ReceiptView bookingId={bookingId} />
    </div>
  );
}
