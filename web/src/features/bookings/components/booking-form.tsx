import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { fmt, m } from '@/i18n/messages';
import { ApiError, errorMessage } from '@/lib/api-client';
import { addHours, formatMoney } from '@/lib/format';
import { validateMaxLength } from '@/lib/validation';
import { Button } from '@/components/ui/button';
import { SelectField, TextAreaField, TextField } from '@/components/ui/field';
import { Notice } from '@/components/ui/status';
import { bookingKeys, createBooking } from '@/features/bookings/api/bookings-api';
import { PriceBreakdown, useTotal } from '@/features/bookings/components/price-breakdown';
import { TimeWindowPicker, type TimeWindow } from '@/features/bookings/components/time-window';
import { useVehicleStore, type Vehicle } from '@/features/bookings/vehicle-store';
import type { Booking, Vehicle as SavedVehicle } from '@/types/api';

/** Turns the server's booking errors into plain words, keeping its message. */
export function bookingErrorMessage(error: unknown): string {
  const message = errorMessage(error);
  if (error instanceof ApiError) {
    if (error.status === 409 || /already booked/i.test(message))
      return `${message}. ${m.booking.conflict}`;
    if (/past/i.test(message)) return `${message}. ${m.booking.past}`;
  }
  return message;
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
  const [range, setRange] = useState<TimeWindow>(initial);
  const [vehicle, setVehicle] = useState<Vehicle>(lastVehicle);
  const defaultVehicle = savedVehicles.find((v) => v.is_default) ?? savedVehicles[0];
  // '' means "another vehicle", typed below
  const [vehicleId, setVehicleId] = useState<string | null>(null);
  const chosenId = vehicleId ?? defaultVehicle?.id ?? '';
  const [notes, setNotes] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const end = addHours(range.start, range.hours);
  const total = useTotal(spotId, range.start, end);

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
    if (invalid) return;
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
      setError(bookingErrorMessage(e));
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
      <PriceBreakdown spotId={spotId} start={range.start} end={end} currency={currency} />
      {cancellationPolicy ? (
        <p className="muted small" data-testid="booking-policy">
          <strong>{m.booking.policyTitle}:</strong> {cancellationPolicy}
        </p>
      ) : null}
      {error ? <Notice kind="error">{error}</Notice> : null}
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
