import { fmt, m } from '@/i18n/messages';
import { formatDateTime } from '@/lib/format';
import type { BookingSectionProps } from '@/types/booking-section';

/** The SVG as an image (allowed by the Content-Security-Policy's img-src data:). */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

/** The pass shown at the gate: a QR code large enough to scan, and the code in text. */
export function PassCard({ booking, pass, timeZone }: BookingSectionProps) {
  if (!(booking.status === 'confirmed' || booking.status === 'in_progress')) return null;
  return (
    <section className="section card pass" aria-labelledby="pass-title" data-testid="pass">
      <h2 id="pass-title">{m.pass.title}</h2>
      {pass ? (
        <>
          <img className="pass-qr" src={svgDataUrl(pass.qr_svg)} alt={m.pass.qr} />
          <p className="pass-code-label muted small">{m.pass.code}</p>
          <p className="pass-code" data-testid="pass-code">
            {pass.code}
          </p>
          <p className="muted small">
            {fmt(m.pass.validity, {
              from: formatDateTime(pass.valid_from, timeZone),
              until: formatDateTime(pass.valid_until, timeZone),
            })}
          </p>
          <p className="muted small">{m.pass.show}</p>
        </>
      ) : (
        <p className="muted">{m.pass.unavailable}</p>
      )}
    </section>
  );
}
