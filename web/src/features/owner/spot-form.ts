import { m } from '@/i18n/messages';
import { moneyInputValue, parseMoney } from '@/lib/format';
import { validateDayHours, validateLength, type Errors } from '@/lib/validation';
import {
  WEEKDAYS,
  type OperatingHours,
  type Spot,
  type SpotInput,
  type SpotType,
  type VehicleSize,
  type Weekday,
} from '@/types/api';

export type DayMode = 'hours' | '24h' | 'closed';
export interface DayEditor {
  mode: DayMode;
  open: string;
  close: string;
}
export type WeekEditor = Record<Weekday, DayEditor>;

export interface SpotFormValues {
  title: string;
  description: string;
  spot_type: SpotType;
  vehicle_size: VehicleSize;
  address: string;
  city: string;
  region: string;
  zip_code: string;
  country: string;
  latitude: number | null;
  longitude: number | null;
  currency: string;
  time_zone: string;
  hourly: string;
  daily: string;
  monthly: string;
  is_covered: boolean;
  has_ev_charging: boolean;
  has_security: boolean;
  has_lighting: boolean;
  is_handicap_accessible: boolean;
  access_instructions: string;
  week: WeekEditor;
}

export type SpotFormField = Exclude<keyof SpotFormValues, 'week'> | 'hours';

export function defaultWeek(): WeekEditor {
  return Object.fromEntries(
    WEEKDAYS.map((d) => [d, { mode: '24h', open: '08:00', close: '20:00' }]),
  ) as WeekEditor;
}

export function weekFromHours(hours: OperatingHours | null | undefined): WeekEditor {
  const week = defaultWeek();
  if (hours == null || typeof hours !== 'object') return week;
  for (const day of WEEKDAYS) {
    const value = (hours as Record<string, unknown>)[day];
    if (value === null) week[day] = { ...week[day], mode: 'closed' };
    else if (value && typeof value === 'object') {
      const { open, close } = value as { open?: string; close?: string };
      if (open === '00:00' && (close === '24:00' || close === '23:59'))
        week[day] = { ...week[day], mode: '24h' };
      else if (open && close) week[day] = { mode: 'hours', open, close };
    }
  }
  return week;
}

/** Weekly schedule for the API: a closed day is null, a 24-hour day is 00:00–24:00. */
export function hoursFromWeek(week: WeekEditor): OperatingHours {
  return Object.fromEntries(
    WEEKDAYS.map((day) => {
      const d = week[day];
      if (d.mode === 'closed') return [day, null];
      if (d.mode === '24h') return [day, { open: '00:00', close: '24:00' }];
      return [day, { open: d.open, close: d.close }];
    }),
  ) as OperatingHours;
}

export function emptySpotForm(currency: string, timeZone: string): SpotFormValues {
  return {
    title: '',
    description: '',
    spot_type: 'outdoor',
    vehicle_size: 'standard',
    address: '',
    city: '',
    region: '',
    zip_code: '',
    country: 'Greece',
    latitude: null,
    longitude: null,
    currency,
    time_zone: timeZone,
    hourly: '',
    daily: '',
    monthly: '',
    is_covered: false,
    has_ev_charging: false,
    has_security: false,
    has_lighting: false,
    is_handicap_accessible: false,
    access_instructions: '',
    week: defaultWeek(),
  };
}

export function spotToForm(
  spot: Spot,
  fallbackCurrency: string,
  fallbackZone: string,
): SpotFormValues {
  const currency = (spot.currency ?? fallbackCurrency).toLowerCase();
  return {
    title: spot.title,
    description: spot.description ?? '',
    spot_type: spot.spot_type,
    vehicle_size: spot.vehicle_size,
    address: spot.address,
    city: spot.city,
    region: spot.state ?? spot.prefecture ?? '',
    zip_code: spot.zip_code,
    country: spot.country,
    latitude: spot.latitude,
    longitude: spot.longitude,
    currency,
    time_zone: spot.time_zone ?? fallbackZone,
    hourly: moneyInputValue(spot.hourly_rate, currency),
    daily: moneyInputValue(spot.daily_rate, currency),
    monthly: moneyInputValue(spot.monthly_rate, currency),
    is_covered: spot.is_covered,
    has_ev_charging: spot.has_ev_charging,
    has_security: spot.has_security,
    has_lighting: spot.has_lighting,
    is_handicap_accessible: spot.is_handicap_accessible,
    access_instructions: spot.access_instructions ?? '',
    week: weekFromHours(spot.operating_hours),
  };
}

function optionalMoney(text: string, currency: string): string | undefined {
  if (!text.trim()) return undefined;
  const value = parseMoney(text, currency);
  return value && value > 0 ? undefined : m.validation.positiveMoney;
}

export function validateSpotForm(v: SpotFormValues): Errors<SpotFormField> {
  const hourly = parseMoney(v.hourly, v.currency);
  const dayErrors = Object.values(v.week)
    .filter((d) => d.mode === 'hours')
    .map((d) => validateDayHours(d.open, d.close))
    .find(Boolean);
  return {
    title: validateLength(v.title, 5, 255),
    address: validateLength(v.address, 5, 500),
    city: validateLength(v.city, 2, 100),
    region: validateLength(v.region, 2, 100),
    zip_code: validateLength(v.zip_code, 3, 20),
    country: validateLength(v.country, 2, 100),
    latitude: v.latitude == null || v.longitude == null ? m.validation.latitude : undefined,
    hourly: !v.hourly.trim()
      ? m.validation.required
      : hourly && hourly > 0
        ? undefined
        : m.validation.positiveMoney,
    daily: optionalMoney(v.daily, v.currency),
    monthly: optionalMoney(v.monthly, v.currency),
    hours: dayErrors,
  };
}

export function formToInput(v: SpotFormValues): SpotInput {
  const money = (text: string) => (text.trim() ? parseMoney(text, v.currency) : null);
  return {
    title: v.title.trim(),
    description: v.description.trim() || null,
    spot_type: v.spot_type,
    vehicle_size: v.vehicle_size,
    address: v.address.trim(),
    city: v.city.trim(),
    prefecture: v.region.trim(),
    state: v.region.trim(),
    zip_code: v.zip_code.trim(),
    country: v.country.trim(),
    latitude: v.latitude ?? 0,
    longitude: v.longitude ?? 0,
    hourly_rate: money(v.hourly) ?? 0,
    daily_rate: money(v.daily),
    monthly_rate: money(v.monthly),
    currency: v.currency,
    time_zone: v.time_zone,
    is_covered: v.is_covered,
    has_ev_charging: v.has_ev_charging,
    has_security: v.has_security,
    has_lighting: v.has_lighting,
    is_handicap_accessible: v.is_handicap_accessible,
    access_instructions: v.access_instructions.trim() || null,
    operating_hours: hoursFromWeek(v.week),
  };
}

/**
 * Fields sent when saving a published spot: everything the form edits, address and pin included
 * (the server keeps the marketplace index in step).
 */
export function updatableFields(input: SpotInput): Partial<SpotInput> {
  return { ...input };
}

/** Currency and time zone of the place a pin is in, where the app knows them (Greece). */
export function placeDefaults(
  latitude: number | null,
  longitude: number | null,
  country = '',
): { currency: string; timeZone: string } | null {
  const inGreece =
    /^(gr|greece|hellas|ελλάδα|ελλαδα)$/i.test(country.trim()) ||
    (latitude != null &&
      longitude != null &&
      latitude >= 34.7 &&
      latitude <= 41.8 &&
      longitude >= 19.3 &&
      longitude <= 29.7);
  return inGreece ? { currency: 'eur', timeZone: 'Europe/Athens' } : null;
}
