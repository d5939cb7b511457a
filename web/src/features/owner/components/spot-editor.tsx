import { useCallback, useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { env } from '@/config/env';
import { paths } from '@/config/paths';
import { m } from '@/i18n/messages';
import { ApiError, errorMessage } from '@/lib/api-client';
import { browserTimeZone } from '@/lib/format';
import { hasErrors } from '@/lib/validation';
import { Button } from '@/components/ui/button';
import { Checkbox, SelectField, TextAreaField, TextField } from '@/components/ui/field';
import { Notice } from '@/components/ui/status';
import { SPOT_TYPES, VEHICLE_SIZES, type Spot } from '@/types/api';
import { findPlace, useSaveSpot } from '@/features/owner/api/owner-api';
import { BlockedDates } from '@/features/owner/components/blocked-dates';
import { CoordinateField } from '@/features/owner/components/coordinate-field';
import { HoursEditor } from '@/features/owner/components/hours-editor';
import { PhotoUploader } from '@/features/owner/components/photo-uploader';
import { PinPicker } from '@/features/owner/components/pin-picker';
import {
  emptySpotForm,
  formToInput,
  placeDefaults,
  spotToForm,
  updatableFields,
  validateSpotForm,
  type SpotFormField,
  type SpotFormValues,
} from '@/features/owner/spot-form';

const CURRENCIES = [
  'eur',
  'usd',
  'gbp',
  'chf',
  'sek',
  'nok',
  'dkk',
  'pln',
  'czk',
  'huf',
  'ron',
  'bgn',
  'try',
  'cad',
  'aud',
  'jpy',
];

function timeZones(current: string): string[] {
  const zones =
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return zones.includes(current) ? zones : [current, ...zones];
}

const AMENITY_KEYS = [
  'is_covered',
  'has_ev_charging',
  'has_security',
  'has_lighting',
  'is_handicap_accessible',
] as const;

/** A new spot starts with the currency and zone of the place the map opens on (the demo city). */
function newSpotForm(defaultCurrency: string): SpotFormValues {
  const place = placeDefaults(env.demoCity.latitude, env.demoCity.longitude);
  return emptySpotForm(place?.currency ?? defaultCurrency, place?.timeZone ?? browserTimeZone());
}

export function SpotEditor({ spot, defaultCurrency }: { spot?: Spot; defaultCurrency: string }) {
  const navigate = useNavigate();
  const save = useSaveSpot(spot?.id);
  const [values, setValues] = useState<SpotFormValues>(() =>
    spot ? spotToForm(spot, defaultCurrency, browserTimeZone()) : newSpotForm(defaultCurrency),
  );
  const [submitted, setSubmitted] = useState(false);
  const [saved, setSaved] = useState(false);
  const errors = validateSpotForm(values);
  const editing = Boolean(spot);

  // Currency and time zone follow the place until the owner picks them (a new spot only).
  const chosen = useRef({ currency: editing, timeZone: editing });
  const [finding, setFinding] = useState(false);
  const [findError, setFindError] = useState<string | null>(null);

  const withPlaceDefaults = (v: SpotFormValues): SpotFormValues => {
    const place = placeDefaults(v.latitude, v.longitude, v.country);
    if (!place) return v;
    return {
      ...v,
      currency: chosen.current.currency ? v.currency : place.currency,
      time_zone: chosen.current.timeZone ? v.time_zone : place.timeZone,
    };
  };
  const set = <K extends keyof SpotFormValues>(key: K, value: SpotFormValues[K]) => {
    setSaved(false);
    if (key === 'currency') chosen.current.currency = true;
    if (key === 'time_zone') chosen.current.timeZone = true;
    setValues((v) => withPlaceDefaults({ ...v, [key]: value }));
  };
  const onPin = useCallback((lat: number, lng: number) => {
    setSaved(false);
    setValues((v) => withPlaceDefaults({ ...v, latitude: lat, longitude: lng }));
  }, []);

  async function findOnMap() {
    setFinding(true);
    setFindError(null);
    try {
      const place = await findPlace([values.address, values.city, values.zip_code]);
      if (place) onPin(Number(place.latitude.toFixed(6)), Number(place.longitude.toFixed(6)));
      else setFindError(m.ownerTools.notFoundOnMap);
    } catch (error) {
      setFindError(errorMessage(error));
    } finally {
      setFinding(false);
    }
  }

  const serverField = (field: string) =>
    save.error instanceof ApiError ? save.error.fieldMessage(field) : undefined;
  const err = (field: SpotFormField, apiField: string = field) =>
    submitted ? (errors[field] ?? serverField(apiField)) : undefined;

  const text = (field: Extract<SpotFormField, keyof SpotFormValues>, apiField?: string) => ({
    name: field,
    value: values[field] as string,
    onChange: (e: { target: { value: string } }) => set(field, e.target.value as never),
    error: err(field, apiField),
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (hasErrors(errors)) return;
    const input = formToInput(values);
    save.mutate(editing ? updatableFields(input) : input, {
      onSuccess: (result) => {
        setSaved(true);
        if (!editing) navigate(`${paths.ownerEditSpot(result.id)}?created=1`, { replace: true });
      },
    });
  }

  return (
    <form className="form spot-editor" onSubmit={onSubmit} noValidate>
      <section className="card" aria-labelledby="basics">
        <h2 id="basics">{m.owner.sections.basics}</h2>
        <TextField label={m.owner.titleLabel} {...text('title')} />
        <TextAreaField label={m.owner.descriptionLabel} rows={3} {...text('description')} />
        <div className="grid-2">
          <SelectField
            label={m.search.spotType}
            value={values.spot_type}
            onChange={(e) => set('spot_type', e.target.value as SpotFormValues['spot_type'])}
            options={SPOT_TYPES.map((t) => ({ value: t, label: m.spot.types[t] }))}
          />
          <SelectField
            label={m.search.vehicleSize}
            value={values.vehicle_size}
            onChange={(e) => set('vehicle_size', e.target.value as SpotFormValues['vehicle_size'])}
            options={VEHICLE_SIZES.map((s) => ({ value: s, label: m.spot.sizes[s] }))}
          />
        </div>
      </section>

      <section className="card" aria-labelledby="location">
        <h2 id="location">{m.owner.sections.location}</h2>
        <TextField label={m.owner.address} autoComplete="street-address" {...text('address')} />
        <div className="grid-2">
          <TextField label={m.owner.city} autoComplete="address-level2" {...text('city')} />
          <TextField label={m.owner.zip} autoComplete="postal-code" {...text('zip_code')} />
        </div>
        <div className="grid-2">
          <TextField
            label={m.owner.region}
            autoComplete="address-level1"
            {...text('region', 'prefecture')}
          />
          <TextField label={m.owner.country} autoComplete="country-name" {...text('country')} />
        </div>
        <div className="find-on-map">
          <Button
            variant="secondary"
            busy={finding}
            disabled={!values.address.trim() && !values.city.trim()}
            onClick={() => void findOnMap()}
          >
            {m.ownerTools.findOnMap}
          </Button>
          {findError ? (
            <p className="field-error" role="alert">
              {findError}
            </p>
          ) : null}
        </div>
        <p className="field-hint">{m.owner.pinHelp}</p>
        <PinPicker
          latitude={values.latitude}
          longitude={values.longitude}
          fallback={[env.demoCity.latitude, env.demoCity.longitude]}
          onChange={onPin}
        />
        <div className="grid-2 coords">
          <CoordinateField
            label={m.owner.latitude}
            name="latitude"
            value={values.latitude}
            onChange={(lat) => set('latitude', lat)}
            error={err('latitude')}
          />
          <CoordinateField
            label={m.owner.longitude}
            name="longitude"
            value={values.longitude}
            onChange={(lng) => set('longitude', lng)}
          />
        </div>
      </section>

      <section className="card" aria-labelledby="rates">
        <h2 id="rates">{m.owner.sections.rates}</h2>
        <div className="grid-2">
          <SelectField
            label={m.owner.currency}
            value={values.currency}
            disabled={editing}
            onChange={(e) => set('currency', e.target.value)}
            options={(CURRENCIES.includes(values.currency)
              ? CURRENCIES
              : [values.currency, ...CURRENCIES]
            ).map((c) => ({
              value: c,
              label: c.toUpperCase(),
            }))}
          />
          <SelectField
            label={m.owner.timeZone}
            value={values.time_zone}
            onChange={(e) => set('time_zone', e.target.value)}
            options={timeZones(values.time_zone).map((z) => ({ value: z, label: z }))}
          />
        </div>
        <TextField
          label={m.owner.hourlyRate}
          inputMode="decimal"
          {...text('hourly', 'hourly_rate')}
        />
        <div className="grid-2">
          <TextField
            label={m.owner.dailyRate}
            inputMode="decimal"
            {...text('daily', 'daily_rate')}
          />
          <TextField
            label={m.owner.monthlyRate}
            inputMode="decimal"
            {...text('monthly', 'monthly_rate')}
          />
        </div>
      </section>

      <section className="card" aria-labelledby="amenities">
        <h2 id="amenities">{m.owner.sections.amenities}</h2>
        <div className="filter-checks">
          {AMENITY_KEYS.map((key) => (
            <Checkbox
              key={key}
              label={m.spot.amenity[key]}
              checked={values[key]}
              onChange={(e) => set(key, e.target.checked)}
            />
          ))}
        </div>
      </section>

      <section className="card" aria-labelledby="hours">
        <h2 id="hours">{m.owner.sections.hours}</h2>
        <HoursEditor
          week={values.week}
          onChange={(week) => set('week', week)}
          showErrors={submitted}
        />
      </section>

      <section className="card" aria-labelledby="access">
        <h2 id="access">{m.owner.sections.access}</h2>
        <TextAreaField
          label={m.owner.accessInstructions}
          rows={3}
          {...text('access_instructions')}
        />
      </section>

      <section className="card" aria-labelledby="photos">
        <h2 id="photos">{m.owner.sections.photos}</h2>
        {spot ? (
          <PhotoUploader spotId={spot.id} images={spot.images} />
        ) : (
          <p className="muted">{m.owner.photosAfterSave}</p>
        )}
      </section>

      {spot ? (
        <section className="card" aria-labelledby="blocked">
          <h2 id="blocked">{m.owner.sections.blocked}</h2>
          <BlockedDates spotId={spot.id} />
        </section>
      ) : null}

      {submitted && hasErrors(errors) ? (
        <Notice kind="error">{m.validation.fixErrors}</Notice>
      ) : null}
      {save.isError ? <Notice kind="error">{errorMessage(save.error)}</Notice> : null}
      {saved && editing ? <Notice kind="success">{m.owner.saved}</Notice> : null}
      <div className="sticky-action">
        <Button type="submit" block busy={save.isPending}>
          {save.isPending ? m.app.saving : editing ? m.owner.saveChanges : m.owner.create}
        </Button>
      </div>
    </form>
  );
}
