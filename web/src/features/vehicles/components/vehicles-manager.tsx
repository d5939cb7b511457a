import { useState, type FormEvent } from 'react';
import { m } from '@/i18n/messages';
import { errorMessage } from '@/lib/api-client';
import { validateMaxLength } from '@/lib/validation';
import { Button } from '@/components/ui/button';
import { Checkbox, TextField } from '@/components/ui/field';
import { EmptyState, ErrorState, Notice, Skeleton } from '@/components/ui/status';
import { useVehicleChange, useVehicles, vehicleLabel } from '@/features/vehicles/api/vehicles-api';
import type { Vehicle } from '@/types/api';

interface Draft {
  plate: string;
  make: string;
  model: string;
  color: string;
  isDefault: boolean;
}

const empty: Draft = { plate: '', make: '', model: '', color: '', isDefault: false };

function VehicleForm({ initial, onDone }: { initial: Vehicle | null; onDone: () => void }) {
  const change = useVehicleChange();
  const [draft, setDraft] = useState<Draft>(
    initial
      ? {
          plate: initial.plate,
          make: initial.make ?? '',
          model: initial.model ?? '',
          color: initial.color ?? '',
          isDefault: initial.is_default,
        }
      : empty,
  );
  const [submitted, setSubmitted] = useState(false);
  const errors = {
    plate: draft.plate.trim() ? validateMaxLength(draft.plate, 20) : m.validation.required,
    make: validateMaxLength(draft.make, 50),
    model: validateMaxLength(draft.model, 50),
    color: validateMaxLength(draft.color, 30),
  };
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (Object.values(errors).some(Boolean)) return;
    const input = {
      plate: draft.plate.trim(),
      make: draft.make.trim(),
      model: draft.model.trim(),
      color: draft.color.trim(),
      is_default: draft.isDefault,
    };
    change.mutate(initial ? { kind: 'update', id: initial.id, input } : { kind: 'add', input }, {
      onSuccess: onDone,
    });
  }
  const bind = (field: 'plate' | 'make' | 'model' | 'color') => ({
    value: draft[field],
    onChange: (e: { target: { value: string } }) =>
      setDraft((d) => ({ ...d, [field]: e.target.value })),
    error: submitted ? errors[field] : undefined,
  });
  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <TextField label={m.booking.plate} autoCapitalize="characters" {...bind('plate')} />
      <div className="grid-2">
        <TextField label={m.booking.make} {...bind('make')} />
        <TextField label={m.booking.model} {...bind('model')} />
      </div>
      <TextField label={m.booking.color} {...bind('color')} />
      <Checkbox
        label={m.vehicles.default}
        checked={draft.isDefault}
        onChange={(e) => setDraft((d) => ({ ...d, isDefault: e.target.checked }))}
      />
      {change.isError ? <Notice kind="error">{errorMessage(change.error)}</Notice> : null}
      <div className="actions">
        <Button type="submit" busy={change.isPending}>
          {m.vehicles.save}
        </Button>
        <Button variant="ghost" onClick={onDone}>
          {m.app.cancel}
        </Button>
      </div>
    </form>
  );
}

/** The profile's vehicles: add, edit, make default, remove (at most 10). */
export function VehiclesManager() {
  const vehicles = useVehicles();
  const change = useVehicleChange();
  const [editing, setEditing] = useState<Vehicle | 'new' | null>(null);
  const list = vehicles.data ?? [];
  return (
    <section className="card" aria-labelledby="vehicles-title">
      <h2 id="vehicles-title">{m.vehicles.title}</h2>
      {vehicles.isPending ? (
        <Skeleton lines={2} />
      ) : vehicles.isError ? (
        <ErrorState error={vehicles.error} onRetry={() => void vehicles.refetch()} />
      ) : list.length === 0 && editing == null ? (
        <EmptyState title={m.vehicles.empty} />
      ) : (
        <ul className="vehicle-list">
          {list.map((v) => (
            <li key={v.id} aria-label={v.plate}>
              <span>
                {vehicleLabel(v)}
                {v.is_default ? <span className="chip">{m.vehicles.default}</span> : null}
              </span>
              <span className="actions">
                {!v.is_default ? (
                  <Button
                    variant="ghost"
                    onClick={() =>
                      change.mutate({ kind: 'update', id: v.id, input: { is_default: true } })
                    }
                  >
                    {m.vehicles.makeDefault}
                  </Button>
                ) : null}
                <Button variant="ghost" onClick={() => setEditing(v)}>
                  {m.vehicles.edit}
                </Button>
                <Button variant="ghost" onClick={() => change.mutate({ kind: 'remove', id: v.id })}>
                  {m.vehicles.remove}
                </Button>
              </span>
            </li>
          ))}
        </ul>
      )}
      {change.isError ? <Notice kind="error">{errorMessage(change.error)}</Notice> : null}
      {editing ? (
        <VehicleForm
          key={editing === 'new' ? 'new' : editing.id}
          initial={editing === 'new' ? null : editing}
          onDone={() => setEditing(null)}
        />
      ) : list.length < 10 ? (
        <Button variant="secondary" onClick={() => setEditing('new')}>
          {m.vehicles.add}
        </Button>
      ) : (
        <p className="muted small">{m.vehicles.limit}</p>
      )}
    </section>
  );
}
