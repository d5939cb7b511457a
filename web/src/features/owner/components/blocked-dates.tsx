import { useState } from 'react';
import { m } from '@/i18n/messages';
import { errorMessage } from '@/lib/api-client';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { Notice } from '@/components/ui/status';
import { useSlotMutations, useSlots } from '@/features/owner/api/owner-api';

/** Whole days the spot cannot be booked (availability slots with is_available=false). */
export function BlockedDates({ spotId }: { spotId: string }) {
  const slots = useSlots(spotId);
  const { add, remove } = useSlotMutations(spotId);
  const [date, setDate] = useState('');
  const blocked = (slots.data ?? []).filter((s) => s.specific_date && !s.is_available);
  return (
    <div className="blocked-dates">
      <div className="inline-form">
        <TextField
          label={m.owner.blockDate}
          type="date"
          value={date}
          onChange={(e) => setDate(e.target.value)}
        />
        <Button
          variant="secondary"
          disabled={!date}
          busy={add.isPending}
          onClick={() => add.mutate(date, { onSuccess: () => setDate('') })}
        >
          {m.owner.add}
        </Button>
      </div>
      {add.isError ? <Notice kind="error">{errorMessage(add.error)}</Notice> : null}
      {blocked.length === 0 ? (
        <p className="muted">{m.owner.blockedNone}</p>
      ) : (
        <ul className="chips">
          {blocked
            .sort((a, b) => (a.specific_date ?? '').localeCompare(b.specific_date ?? ''))
            .map((slot) => (
              <li key={slot.id} className="chip">
                {slot.specific_date}
                <button
                  type="button"
                  className="chip-remove"
                  aria-label={`${m.owner.remove} ${slot.specific_date}`}
                  onClick={() => remove.mutate(slot.id)}
                >
                  ×
                </button>
              </li>
            ))}
        </ul>
      )}
    </div>
  );
}
