import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { paths } from '@/config/paths';
import { m } from '@/i18n/messages';
import { useClientConfig } from '@/lib/client-config';
import { safeTimeZone } from '@/lib/format';
import { EmptyState, ErrorState, Spinner } from '@/components/ui/status';
import { BookingForm } from '@/features/bookings/components/booking-form';
import { initialWindow } from '@/features/bookings/components/spot-pricing';
import { StripePayment } from '@/features/payments/components/stripe-payment';
import { useSpot } from '@/features/spots/api/spots-api';
import { spotCurrency } from '@/features/spots/components/spot-detail';
import { useVehicles } from '@/features/vehicles/api/vehicles-api';
import type { Booking } from '@/types/api';
import { askForPushAfterFirstBooking } from '@/features/notifications/api/push';

export function BookRoute() {
  const { spotId = '' } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const config = useClientConfig();
  const spot = useSpot(spotId);
  const vehicles = useVehicles();
  const [pending, setPending] = useState<Booking | null>(null);
  const [initial] = useState(() => initialWindow(params));

  if (spot.isPending || vehicles.isPending) return <Spinner />;
  if (spot.isError) return <ErrorState error={spot.error} onRetry={() => void spot.refetch()} />;
  if (!spot.data) return <EmptyState title={m.spot.notFound} />;
  const currency = spotCurrency(spot.data, config.defaultCurrency);
  const done = (booking: Booking) => {
    void askForPushAfterFirstBooking();
    navigate(`${paths.bookings}?booked=1&booking=${booking.id}&tab=upcoming`, { replace: true });
  };

  function onBooked(booking: Booking) {
    if (booking.status === 'pending' && config.stripePublishableKey) setPending(booking);
    else done(booking);
  }

  return (
    <div className="page">
      {pending && config.stripePublishableKey ? (
        <StripePayment
          booking={pending}
          publishableKey={config.stripePublishableKey}
          currency={currency}
          onPaid={() => done(pending)}
        />
      ) : (
        <BookingForm
          spotId={spot.data.id}
          title={spot.data.title}
          currency={currency}
          timeZone={safeTimeZone(spot.data.time_zone)}
          initial={initial}
          willPayNow={Boolean(config.stripePublishableKey)}
          savedVehicles={vehicles.data ?? []}
          cancellationPolicy={config.cancellationPolicy}
          onBooked={onBooked}
        />
      )}
    </div>
  );
}
