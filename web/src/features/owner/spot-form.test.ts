import { describe, expect, it } from 'vitest';
import { hasErrors } from '@/lib/validation';
import {
  emptySpotForm,
  formToInput,
  hoursFromWeek,
  placeDefaults,
  updatableFields,
  validateSpotForm,
  weekFromHours,
} from '@/features/owner/spot-form';

describe('spot form', () => {
  const valid = {
    ...emptySpotForm('eur', 'Europe/Athens'),
    title: 'Covered garage near Syntagma',
    address: 'Ermou 10',
    city: 'Athens',
    region: 'Attica',
    zip_code: '10563',
    latitude: 37.9755,
    longitude: 23.7348,
    hourly: '2.50',
    daily: '15',
  };

  it('accepts a complete spot and converts money to cents', () => {
    expect(hasErrors(validateSpotForm(valid))).toBe(false);
    const input = formToInput(valid);
    expect(input.hourly_rate).toBe(250);
    expect(input.daily_rate).toBe(1500);
    expect(input.monthly_rate).toBeNull();
    expect(input.prefecture).toBe('Attica');
    expect(input.state).toBe('Attica');
    expect(input.currency).toBe('eur');
  });

  it('reports missing pin, bad price and short fields', () => {
    const errors = validateSpotForm({
      ...valid,
      title: 'Car',
      latitude: null,
      hourly: '0',
      daily: 'x',
    });
    expect(errors.title).toBe('Between 5 and 255 characters');
    expect(errors.latitude).toBe('Pick the location on the map');
    expect(errors.hourly).toBe('Enter an amount greater than 0');
    expect(errors.daily).toBe('Enter an amount greater than 0');
  });

  it('round-trips the weekly hours', () => {
    const week = weekFromHours({ monday: { open: '08:00', close: '22:00' }, sunday: null });
    expect(week.monday).toEqual({ mode: 'hours', open: '08:00', close: '22:00' });
    expect(week.sunday.mode).toBe('closed');
    expect(week.tuesday.mode).toBe('24h');
    const hours = hoursFromWeek(week) as Record<string, unknown>;
    expect(hours.monday).toEqual({ open: '08:00', close: '22:00' });
    expect(hours.sunday).toBeNull();
    expect(hours.tuesday).toEqual({ open: '00:00', close: '24:00' });
    expect(
      validateSpotForm({
        ...valid,
        week: { ...week, monday: { mode: 'hours', open: '22:00', close: '08:00' } },
      }).hours,
    ).toBe('Closing time must be after opening time');
  });

  it('takes euros and Athens time for a place in Greece, nothing elsewhere', () => {
    expect(placeDefaults(37.9755, 23.7348)).toEqual({ currency: 'eur', timeZone: 'Europe/Athens' });
    expect(placeDefaults(null, null, 'Ελλάδα')).toEqual({
      currency: 'eur',
      timeZone: 'Europe/Athens',
    });
    expect(placeDefaults(51.5, -0.12, 'United Kingdom')).toBeNull();
  });

  it('sends the address and the pin when a published spot is saved', () => {
    const input = formToInput({ ...valid, address: 'Ermou 12', latitude: 37.9, longitude: 23.7 });
    const sent = updatableFields(input);
    expect(sent.address).toBe('Ermou 12');
    expect(sent.latitude).toBe(37.9);
    expect(sent.longitude).toBe(23.7);
  });
});
