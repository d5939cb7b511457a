import { fmt, m } from '@/i18n/messages';
import { timeZoneLabel, utcToZonedWallTime, zonedWallTimeToUtc } from '@/lib/format';
import { SelectField, TextField } from '@/components/ui/field';

export const HOUR_CHOICES = [1, 2, 3, 4, 5, 6, 8, 10, 12, 24, 48, 72, 168, 336, 720];

export interface TimeWindow {
  start: string;
  hours: number;
}

/** Start (wall-clock time in the spot's zone, labelled) and duration. */
export function TimeWindowPicker({
  value,
  onChange,
  timeZone,
  error,
}: {
  value: TimeWindow;
  onChange: (value: TimeWindow) => void;
  timeZone: string;
  error?: string;
}) {
  const local = value.start ? utcToZonedWallTime(value.start, timeZone) : '';
  const choices = HOUR_CHOICES.includes(value.hours)
    ? HOUR_CHOICES
    : [...HOUR_CHOICES, value.hours].sort((a, b) => a - b);
  return (
    <div className="time-window">
      <TextField
        label={fmt(m.booking.start, { tz: `${timeZoneLabel(timeZone)}, ${timeZone}` })}
        type="datetime-local"
        name="start"
        step={300}
        value={local}
        error={error}
        onChange={(e) => {
          if (!e.target.value) return;
          onChange({ ...value, start: zonedWallTimeToUtc(e.target.value, timeZone) });
        }}
      />
      <SelectField
        label={m.booking.hours}
        name="hours"
        value={String(value.hours)}
        onChange={(e) => onChange({ ...value, hours: Number(e.target.value) })}
        options={choices.map((h) => ({ value: String(h), label: String(h) }))}
      />
    </div>
  );
}
