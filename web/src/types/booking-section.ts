import type { ReactNode } from 'react';
import type { Booking, Pass } from '@/types/api';

/**
 * What every section of the booking page (`/bookings/:id`) receives. The page is a list of
 * sections assembled in `app/routes/booking-route.tsx`; a feature adds one by exporting a component
 * that takes these props and adding it to that list.
 */
export interface BookingSectionProps {
  booking: Booking;
  /** The pass, while the booking has one (from the server, or from the device when offline). */
  pass: Pass | null;
  /** The page shows what was saved on the device: nothing can be changed. */
  offline: boolean;
  currency: string;
  timeZone: string;
  /** The signed-in user booked it (the spot's owner and admins see the page too, without the driver's actions). */
  isDriver: boolean;
  /** Renders the payment of a pending extension (Stripe), when payments are online. */
  extensionPayment?: (extensionId: string, onPaid: () => void) => ReactNode;
  cancellationPolicy?: string;
}

export type BookingSection = (props: BookingSectionProps) => ReactNode;
