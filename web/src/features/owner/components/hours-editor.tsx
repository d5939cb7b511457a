import { fmt, m } from '@/i18n/messages';
import { validateDayHours } from '@/lib/validation';
import { WEEKDAYS } from '@/types/api';
import type { DayMode, WeekEditor } from '@/features/owner/spot-form';

export function HoursEditor({
  week,
  onChange,
  showErrors = false,
}: {
  week: WeekEditor;
  onChange: (week: WeekEditor) => void;
  /** Show each day's error (e.g. closing before opening) on that day. */
  showErrors?: boolean;
}) {
  return (
    <div className="hours-editor">
      {WEEKDAYS.map((day) => {
        const d = week[day];
        const set = (patch: Partial<typeof d>) => onChange({ ...week, [day]: { ...d, ...patch } });
        const error =
          showErrors && d.mode === 'hours' ? validateDayHours(d.open, d.close) : undefined;
        const errorId = `hours-${day}-error`;
        return (
          <fieldset key={day} className="day-row" data-day={day}>
            <legend>{m.spot.days[day]}</legend>
            <select
              aria-label={fmt(m.owner.hoursMode, { day: m.spot.days[day] })}
              value={d.mode}
              onChange={(e) => set({ mode: e.target.value as DayMode })}
            >
              <option value="24h">{m.owner.allDay}</option>
              <option value="hours">{m.owner.open}</option>
              <option value="closed">{m.owner.closedDay}</option>
            </select>
            {d.mode === 'hours' ? (
              <>
                <label>
                  <span className="sr-only">{`${m.spot.days[day]} ${m.owner.opens}`}</span>
                  <input
                    type="time"
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? errorId : undefined}
                    value={d.open}
                    onChange={(e) => set({ open: e.target.value })}
                  />
                </label>
                <span aria-hidden="true">–</span>
                <label>
                  <span className="sr-only">{`${m.spot.days[day]} ${m.owner.closes}`}</span>
                  <input
                    type="time"
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? errorId : undefined}
                    value={d.close}
                    onChange={(e) => set({ close: e.target.value })}
                  />
                </label>
              </>
            ) : null}
            {error ? (
              <p id={errorId} className="field-error day-error" role="alert">
                {error}
              </p>
            ) : null}
          </fieldset>
        );
      })}
    </div>
  );
}
