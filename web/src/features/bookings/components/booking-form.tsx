import { useMemo, useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { fmt, m } from '@/i18n/messages';
import { localizeDetail } from '@/i18n/server-messages';
import { ApiError, errorMessage } from '@/lib/api-client';
import { addHours, formatDateTime, formatMoney, formatTimeRange } from '@/lib/format';
import { validateMaxLength } from '@/lib/validation';
import { Button } from '@/components/ui/button';
import { SelectField, TextAreaField, TextField } from '@/components/ui/field';
import { reveal } from '@/components/ui/reveal';
import { Notice } from '@/components/ui/status';
import { bookingKeys, createBooking, useSpotCalendar } from '@/features/bookings/api/bookings-api';
import { clashOf, nextFreeStart, type Unavailable } from '@/features/bookings/availability';
import { AvailabilityPanel } from '@/features/bookings/components/availability-panel';
import { PriceBreakdown, useTotal } from '@/features/bookings/components/price-breakdown';
import { TimeWindowPicker, type TimeWindow } from '@/features/bookings/components/time-window';
import { useVehicleStore, type Vehicle } from '@/features/bookings/vehicle-store';
import type { Booking, Vehicle as SavedVehicle } from '@/types/api';

/** Turns the server's booking errors into one plain sentence in the active language. */
export function bookingErrorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 409 || /already booked/i.test(error.message)) return m.booking.conflict;
    if (/in the past/i.test(error.message)) return m.booking.past;
    return localizeDetail(error.message);
  }
  return errorMessage(error);
}

/** Whether a booking error is about the chosen time (shown next to the time fields). */
export function isTimeError(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    (error.status === 409 || /past|closed|blocked|already booked/i.test(error.message))
  );
}

/** The sentence for a window that overlaps an unavailable span. */
export function clashMessage(clash: Unavailable, timeZone: string): string {
  if (clash.reason === 'closed') return m.booking.clashClosed;
  return fmt(clash.reason === 'busy' ? m.booking.clashBusy : m.booking.clashBlocked, {
    range: formatTimeRange(
      new Date(clash.start).toISOString(),
      new Date(clash.end).toISOString(),
      timeZone,
    ),
  });
}

const CALENDAR_DAYS = 14;

function calendarRange(start: string, hours: number): { from: string; to: string } {
  const hour = 3_600_000;
  const now = Math.floor(Date.now() / hour) * hour;
  const from = Math.min(now, new Date(start).getTime());
  const wanted = new Date(start).getTime() + hours * hour + 86_400_000;
  const to = Math.min(from + 62 * 86_400_000, Math.max(from + CALENDAR_DAYS * 86_400_000, wanted));
  // whole days, so moving the start within them does not fetch again
  const day = 86_400_000;
  return {
    from: new Date(Math.floor(from / day) * day).toISOString(),
    to: new Date(Math.ceil(to / day) * day).toISOString(),
  };
}

export function BookingForm({
  spotId,
  title,
  currency,
  timeZone,
  initial,
  willPayNow,
  onBooked,
  savedVehicles = [],
  cancellationPolicy,
}: {
  spotId: string;
  title: string;
  currency: string;
  timeZone: string;
  initial: TimeWindow;
  willPayNow: boolean;
  onBooked: (booking: Booking) => void;
  /** The driver's saved vehicles; the default one is picked first. */
  savedVehicles?: readonly SavedVehicle[];
  cancellationPolicy?: string;
}) {
  const queryClient = useQueryClient();
  const lastVehicle = useVehicleStore((s) => s.last);
  const remember = useVehicleStore((s) => s.remember);
  const [range, setRangeState] = useState<TimeWindow>(initial);
  const [vehicle, setVehicle] = useState<Vehicle>(lastVehicle);
  const defaultVehicle = savedVehicles.find((v) => v.is_default) ?? savedVehicles[0];
  // '' means "another vehicle", typed below
  const [vehicleId, setVehicleId] = useState<string | null>(null);
  const chosenId = vehicleId ?? defaultVehicle?.id ?? '';
  const [notes, setNotes] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ text: string; time: boolean } | null>(null);
  const end = addHours(range.start, range.hours);
  const calendarWindow = useMemo(() => calendarRange(range.start, range.hours), [range]);
  const calendar = useSpotCalendar(spotId, calendarWindow.from, calendarWindow.to);
  const clash = calendar.data ? clashOf(calendar.data, range.start, end) : null;
  const nextFree =
    clash && calendar.data ? nextFreeStart(calendar.data, range.start, range.hours) : null;
  // no price for a time that cannot be booked
  const priced = clash ? null : range.start;
  const total = useTotal(spotId, priced, priced ? end : null);

  // A new time is a new question: the old answer (conflict, price) no longer applies.
  function setRange(next: TimeWindow) {
    setRangeState(next);
    setError(null);
  }

  const errors = {
    start:
      new Date(range.start).getTime() < Date.now() - 60_000 ? m.validation.startInPast : undefined,
    plate: chosenId ? undefined : validateMaxLength(vehicle.plate, 20),
    make: validateMaxLength(vehicle.make, 50),
    model: validateMaxLength(vehicle.model, 50),
    color: validateMaxLength(vehicle.color, 30),
  };
  const invalid = Object.values(errors).some(Boolean);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (invalid || clash) {
      // after the render that shows them: bring the first problem into view
      const form = event.currentTarget as HTMLFormElement;
      setTimeout(() => reveal(form.querySelector<HTMLElement>('[role="alert"]')), 0);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const trimmed = (s: string) => s.trim() || null;
      const booking = await createBooking(
        chosenId
          ? {
              parking_spot_id: spotId,
              start_time: range.start,
              end_time: end,
              vehicle_id: chosenId,
              special_requests: trimmed(notes),
            }
          : {
              parking_spot_id: spotId,
              start_time: range.start,
              end_time: end,
              vehicle_plate: trimmed(vehicle.plate)?.toUpperCase() ?? null,
              vehicle_make: trimmed(vehicle.make),
              vehicle_model: trimmed(vehicle.model),
              vehicle_color: trimmed(vehicle.color),
              special_requests: trimmed(notes),
            },
      );
      if (!chosenId) remember(vehicle);
      void queryClient.invalidateQueries({ queryKey: bookingKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['spots'] });
      onBooked(booking);
    } catch (e) {
      setError({ text: bookingErrorMessage(e), time: isTimeError(e) });
      if (isTimeError(e)) void queryClient.invalidateQueries({ queryKey: ['spots', 'calendar'] });
    } finally {
      setBusy(false);
    }
  }

  const bind = (field: keyof Vehicle) => ({
    name: `vehicle_${field}`,
    value: vehicle[field],
    onChange: (e: { target: { value: string } }) =>
      setVehicle((v) => ({ ...v, [field]: e.target.value })),
    error: submitted ? errors[field] : undefined,
  });

  const amount = total != null ? formatMoney(total, currency) : '';
  return (
    <form className="form booking-form" onSubmit={onSubmit} noValidate>
      <h1>{m.booking.title}</h1>
      <p className="muted">{title}</p>
      <TimeWindowPicker
        value={range}
        onChange={setRange}
        timeZone={timeZone}
        error={submitted ? errors.start : undefined}
      />
      <div className="time-feedback">
        {clash ? (
          <Notice kind="error" testId="booking-time-error">
            {clashMessage(clash, timeZone)}
            {nextFree ? (
              <>
                {' '}
                <button
                  type="button"
                  className="link-button"
                  onClick={() => setRange({ ...range, start: nextFree })}
                >
                  {fmt(m.booking.useNextFree, { time: formatDateTime(nextFree, timeZone) })}
                </button>
              </>
            ) : null}
          </Notice>
        ) : error?.time ? (
          <Notice kind="error" testId="booking-time-error">
            {error.text}
          </Notice>
        ) : null}
      </div>
      {calendar.data ? (
        <AvailabilityPanel
          calendar={calendar.data}
          start={range.start}
          end={end}
          timeZone={timeZone}
        />
      ) : calendar.isPending ? (
        <p className="muted small" role="status">
          {m.booking.availabilityLoading}
        </p>
      ) : null}
      <fieldset className="vehicle">
        <legend>{m.booking.vehicle}</legend>
        {savedVehicles.length ? (
          <SelectField
            label={m.booking.savedVehicle}
            value={chosenId}
            onChange={(e) => setVehicleId(e.target.value)}
            options={[
              ...savedVehicles.map((v) => ({
                value: v.id,
                label: [v.plate, v.color, v.make, v.model].filter(Boolean).join(' · '),
              })),
              { value: '', label: m.booking.otherVehicle },
            ]}
          />
        ) : null}
        {chosenId ? null : (
          <>
            <TextField label={m.booking.plate} autoCapitalize="characters" {...bind('plate')} />
            <div className="grid-2">
              <TextField label={m.booking.make} {...bind('make')} />
              <TextField label={m.booking.model} {...bind('model')} />
            </div>
            <TextField label={m.booking.color} {...bind('color')} />
          </>
        )}
      </fieldset>
      <TextAreaField
        label={m.booking.notes}
        value={notes}
        onChange={(e) => setNotes(e.target.value)}
        rows={2}
      />
      {clash ? (
        <p className="muted">{m.price.unavailable}</p>
      ) : (
        <PriceBreakdown spotId={spotId} start={range.start} end={end} currency={currency} />
      )}
      {cancellationPolicy ? (
        <p className="muted small" data-testid="booking-policy">
          <strong>{m.booking.policyTitle}:</strong> {cancellationPolicy}
        </p>
      ) : null}
      {error && !error.time ? (
        <Notice kind="error" testId="booking-error">
          {error.text}
        </Notice>
      ) : null}
      <div className="sticky-action">
        <Button type="submit" block busy={busy}>
          {busy
            ? m.booking.booking
            : willPayNow && amount
              ? fmt(m.booking.confirmPay, { amount })
              : m.booking.confirm}
        </Button>
      </div>
    </form>
  );
}
