import { fmt, m } from '@/i18n/messages';
import { WEEKDAYS } from '@/types/api';
import type { DayMode, WeekEditor } from '@/features/owner/spot-form';

export function HoursEditor({
  week,
  onChange,
  error,
}: {
  week: WeekEditor;
  onChange: (week: WeekEditor) => void;
  error?: string;
}) {
  return (
    <div className="hours-editor">
      {WEEKDAYS.map((day) => {
        const d = week[day];
        const set = (patch: Partial<typeof d>) => onChange({ ...week, [day]: { ...d, ...patch } });
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
                    value={d.open}
                    onChange={(e) => set({ open: e.target.value })}
                  />
                </label>
                <span aria-hidden="true">–</span>
                <label>
                  <span className="sr-only">{`${m.spot.days[day]} ${m.owner.closes}`}</span>
                  <input
                    type="time"
                    value={d.close}
                    onChange={(e) => set({ close: e.target.value })}
                  />
                </label>
              </>
            ) : null}
          </fieldset>
        );
      })}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
