import { useClientConfig } from '@/lib/client-config';
import { useLive } from '@/app/live-context';
import { MyBookings } from '@/features/bookings/components/my-bookings';

export function BookingsRoute() {
  const config = useClientConfig();
  const live = useLive();
  return <MyBookings currency={config.defaultCurrency} live={live} />;
}
