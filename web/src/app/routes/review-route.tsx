import { useNavigate, useParams } from 'react-router';
import { paths } from '@/config/paths';
import { ErrorState, Spinner } from '@/components/ui/status';
import { useBooking } from '@/features/bookings/api/bookings-api';
import { ReviewForm } from '@/features/reviews/components/review-form';

export function ReviewRoute() {
  const { bookingId = '' } = useParams();
  const navigate = useNavigate();
  const booking = useBooking(bookingId);
  if (booking.isPending) return <Spinner />;
  if (booking.isError) return <ErrorState error={booking.error} />;
  return (
    <ReviewForm
      bookingId={bookingId}
      spotTitle={booking.data.parking_spot?.title}
      onDone={() => navigate(`${paths.bookings}?tab=past&reviewed=1`, { replace: true })}
    />
  );
}
