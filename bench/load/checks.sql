\set QUIET on
-- Run by bench/load-test.sh after every run, on the whole database (earlier runs' bookings of the same dataset are
-- removed before a run; the dataset's generated past stays are included). Prints "name|count"; every count must be 0.
\pset format unaligned
\pset tuples_only on
\set active '(''pending'', ''confirmed'', ''in_progress'')'

-- 1. No two active bookings of a spot overlap ([start, end) ranges, as the exclusion constraint defines them).
SELECT 'overlapping_active_pairs', count(*)
FROM bookings a JOIN bookings b
  ON a.parking_spot_id = b.parking_spot_id AND a.id < b.id
 AND tstzrange(a.start_time, a.end_time, '[)') && tstzrange(b.start_time, b.end_time, '[)')
WHERE a.status IN :active AND b.status IN :active;

-- 2. Orphaned payments. With the offline provider (no STRIPE_SECRET_KEY, as here) a booking is confirmed when made
-- (payment_status 'completed') and the payments module records one succeeded payment for it, asynchronously; a
-- cancellation refunds it by the policy (in full when cancelled an hour or more before the start, as every cancellation
-- of this workload is). So an orphan is:
--   a. a payment whose booking does not exist (the foreign key forbids it: counted anyway);
SELECT 'payment_without_booking', count(*) FROM payments p WHERE NOT EXISTS (SELECT 1 FROM bookings b WHERE b.id = p.booking_id);
--   b. a booking that was paid (payment_status 'completed', or status confirmed / in_progress / completed) without a
--      payment row that succeeded or was refunded;
SELECT 'paid_booking_without_payment', count(*)
FROM bookings b
WHERE (b.payment_status = 'completed' OR b.status IN ('confirmed', 'in_progress', 'completed')) AND b.total_amount > 0
  AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.booking_id = b.id
                  AND p.status IN ('succeeded', 'refunded', 'partially_refunded'));
--   c. a payment that does not match its booking (amount, payer, owner);
SELECT 'payment_not_matching_booking', count(*)
FROM payments p JOIN bookings b ON b.id = p.booking_id
WHERE p.amount <> b.total_amount OR p.user_id <> b.user_id OR p.owner_id <> b.owner_id;
--   d. a cancelled booking whose succeeded payment was not refunded (money kept for a stay that will not happen).
SELECT 'cancelled_booking_unrefunded', count(*)
FROM bookings b JOIN payments p ON p.booking_id = b.id
WHERE b.status IN ('cancelled', 'refunded') AND p.status = 'succeeded' AND p.refunded_amount = 0
  AND b.cancelled_at < b.start_time - interval '1 hour';
-- 3. Domain events not (yet) delivered to their listeners (Spring Modulith's publication registry).
SELECT 'incomplete_event_publications', count(*) FROM event_publication WHERE completion_date IS NULL;

-- For the report: what the run left in the tables.
SELECT 'info_bookings_by_status', coalesce(string_agg(status || '=' || n, ' ' ORDER BY status), '')
FROM (SELECT status, count(*) n FROM bookings WHERE start_time > now() GROUP BY status) s;
SELECT 'info_payments_by_status', coalesce(string_agg(status || '=' || n, ' ' ORDER BY status), '')
FROM (SELECT p.status, count(*) n FROM payments p JOIN bookings b ON b.id = p.booking_id WHERE b.start_time > now() GROUP BY p.status) s;
