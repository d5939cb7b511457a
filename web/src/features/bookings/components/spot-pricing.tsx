import { useState } from 'react';
import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { fmt, m } from '@/i18n/messages';
import { addHours, formatMoney } from '@/lib/format';
import { defaultStart } from '@/features/bookings/booking-groups';
import { PriceBreakdown, useTotal } from '@/features/bookings/components/price-breakdown';
import { TimeWindowPicker, type TimeWindow } from '@/features/bookings/components/time-window';

export function initialWindow(params: URLSearchParams): TimeWindow {
  const start = params.get('start');
  const hours = Number(params.get('hours'));
  const valid = start && !Number.isNaN(Date.parse(start)) && Date.parse(start) > Date.now();
  return {
    start: valid ? new Date(start).toISOString() : defaultStart(),
    hours: hours >= 1 && hours <= 720 ? hours : 2,
  };
}

/** On the spot page: choose a time, see the live price, then go to booking. */
export function SpotPricing({
  spotId,
  currency,
  timeZone,
  bookable,
  initial,
}: {
  spotId: string;
  currency: string;
  timeZone: string;
  bookable: boolean;
  initial: TimeWindow;
}) {
  const [range, setRange] = useState<TimeWindow>(initial);
  const end = addHours(range.start, range.hours);
  const total = useTotal(spotId, range.start, end);
  const query = `?start=${encodeURIComponent(range.start)}&hours=${range.hours}`;
  return (
    <section aria-labelledby="price-title" className="section card">
      <h2 id="price-title">{m.price.title}</h2>
      <TimeWindowPicker value={range} onChange={setRange} timeZone={timeZone} />
      <PriceBreakdown spotId={spotId} start={range.start} end={end} currency={currency} />
      {bookable ? (
        <div className="sticky-action">
          <Link className="btn btn-primary btn-block" to={`${paths.book(spotId)}${query}`}>
            {total != null
              ? fmt(m.spot.bookFor, { amount: formatMoney(total, currency) })
              : m.spot.book}
          </Link>
        </div>
      ) : null}
    </section>
  );
}
