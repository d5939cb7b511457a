import { m } from '@/i18n/messages';
import { formatDateTime } from '@/lib/format';
import type { BookingSectionProps } from '@/types/booking-section';

interface Step {
  key: string;
  label: string;
  at: string | null;
  done: boolean;
}

/** Where the booking stands: booked, confirmed, checked in, completed (or cancelled, refunded). */
export function StatusTimeline({ booking, timeZone }: BookingSectionProps) {
  const s = booking.status;
  const cancelled = s === 'cancelled' || s === 'refunded';
  const steps: Step[] = [
    { key: 'booked', label: m.bookingPage.steps.booked, at: booking.created_at, done: true },
    {
      key: 'confirmed',
      label: m.bookingPage.steps.confirmed,
      at: null,
      done: s !== 'pending' && !(cancelled && booking.payment_status === 'pending'),
    },
  ];
  if (cancelled) {
    steps.push({ key: 'cancelled', label: m.bookingPage.steps.cancelled, at: null, done: true });
    steps.push({
      key: 'refunded',
      label: m.bookingPage.steps.refunded,
      at: null,
      done: s === 'refunded',
    });
  } else {
    steps.push({
      key: 'checkedIn',
      label: m.bookingPage.steps.checkedIn,
      at: booking.checked_in_at,
      done: s === 'in_progress' || s === 'completed',
    });
    steps.push({
      key: 'completed',
      label: m.bookingPage.steps.completed,
      at: booking.checked_out_at,
      done: s === 'completed',
    });
  }
  const current = steps.filter((step) => step.done).length - 1;
  return (
    <section className="section card" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{m.bookingPage.timeline}</h2>
      <ol className="timeline">
        {steps.map((step, i) => (
          <li
            key={step.key}
            className={`timeline-step${step.done ? ' done' : ''}`}
            aria-current={i === current ? 'step' : undefined}
          >
            <span className="timeline-dot" aria-hidden="true" />
            <span>{step.label}</span>
            {step.at && step.done ? (
              <span className="muted small"> · {formatDateTime(step.at, timeZone)}</span>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
