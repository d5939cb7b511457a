import { useState, type FormEvent } from 'react';
import { fmt, m } from '@/i18n/messages';
import { errorMessage } from '@/lib/api-client';
import { formatDateTime } from '@/lib/format';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { Notice } from '@/components/ui/status';
import { verifyPass } from '@/features/bookings/api/bookings-api';
import type { PassVerification } from '@/types/api';

/** The owner checks a pass code (typed, or the QR code's text) presented at one of their spots. */
export function PassVerifier({
  spots,
}: {
  spots: readonly { id: string; title: string; timeZone: string }[];
}) {
  const [spotId, setSpotId] = useState(spots[0]?.id ?? '');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<PassVerification | null>(null);
  const [error, setError] = useState<string | null>(null);
  const timeZone = spots.find((s) => s.id === spotId)?.timeZone ?? 'UTC';

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!spotId || !code.trim()) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await verifyPass(spotId, code.trim()));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  if (spots.length === 0) return <Notice>{m.verify.noSpots}</Notice>;
  return (
    <form className="form card" onSubmit={onSubmit} noValidate aria-labelledby="verify-title">
      <h2 id="verify-title">{m.verify.title}</h2>
      <SelectField
        label={m.verify.spot}
        value={spotId}
        onChange={(e) => {
          setSpotId(e.target.value);
          setResult(null);
        }}
        options={spots.map((s) => ({ value: s.id, label: s.title }))}
      />
      <TextField
        label={m.verify.code}
        value={code}
        autoCapitalize="characters"
        autoComplete="off"
        onChange={(e) => setCode(e.target.value)}
      />
      <Button type="submit" busy={busy}>
        {m.verify.submit}
      </Button>
      {error ? <Notice kind="error">{error}</Notice> : null}
      {result ? (
        result.valid ? (
          <Notice kind="success">
            <strong>{m.verify.valid}</strong>
            {result.vehicle_plate
              ? ` · ${fmt(m.verify.plate, { plate: result.vehicle_plate })}`
              : ''}
            {result.valid_until
              ? ` · ${fmt(m.verify.until, { time: formatDateTime(result.valid_until, timeZone) })}`
              : ''}
          </Notice>
        ) : (
          <Notice kind="error">
            <strong>{m.verify.invalid}:</strong>{' '}
            {result.reason ? m.verify.reasons[result.reason] : m.verify.reasons.unknown}
          </Notice>
        )
      ) : null}
    </form>
  );
}
