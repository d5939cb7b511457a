-- spots: listings, their availability rules, and the intervals that bookings hold (fed by the bookings module).
CREATE TABLE parking_spots (
    id                     uuid PRIMARY KEY,
    owner_id               uuid             NOT NULL REFERENCES users (id),
    title                  varchar(255)     NOT NULL,
    description            text,
    spot_type              varchar(20)      NOT NULL
        CHECK (spot_type IN ('indoor', 'outdoor', 'covered', 'garage', 'driveway', 'lot')),
    vehicle_size           varchar(20)      NOT NULL
        CHECK (vehicle_size IN ('motorcycle', 'compact', 'standard', 'large', 'oversized')),
    -- a spot fits every vehicle up to its own size: search compares ranks
    vehicle_size_rank      smallint GENERATED ALWAYS AS (
        CASE vehicle_size WHEN 'motorcycle' THEN 1 WHEN 'compact' THEN 2 WHEN 'standard' THEN 3
                          WHEN 'large' THEN 4 ELSE 5 END) STORED,
    address                varchar(500)     NOT NULL,
    city                   varchar(100)     NOT NULL,
    state                  varchar(100)     NOT NULL,
    zip_code               varchar(20)      NOT NULL,
    country                varchar(100)     NOT NULL DEFAULT 'Greece',
    latitude               double precision NOT NULL CHECK (latitude BETWEEN -90 AND 90),
    longitude              double precision NOT NULL CHECK (longitude BETWEEN -180 AND 180),
    hourly_rate            integer          NOT NULL CHECK (hourly_rate > 0),
    daily_rate             integer CHECK (daily_rate > 0),
    monthly_rate           integer CHECK (monthly_rate > 0),
    currency               varchar(3)       NOT NULL DEFAULT 'usd' CHECK (currency ~ '^[a-z]{3}$'),
    is_covered             boolean          NOT NULL DEFAULT false,
    has_ev_charging        boolean          NOT NULL DEFAULT false,
    has_security           boolean          NOT NULL DEFAULT false,
    has_lighting           boolean          NOT NULL DEFAULT false,
    is_handicap_accessible boolean          NOT NULL DEFAULT false,
    access_instructions    text,
    operating_hours        jsonb,
    time_zone              varchar(64)      NOT NULL DEFAULT 'UTC',
    -- When the spot is open in a week of its own time zone, as minutes since Monday 00:00 ([0, 10080)):
    -- operating hours minus weekly blocked slots, precomputed by the application on every change of either.
    open_week              int4multirange   NOT NULL DEFAULT '{[0,10080)}',
    images                 jsonb            NOT NULL DEFAULT '[]',
    is_active              boolean          NOT NULL DEFAULT true,
    is_available           boolean          NOT NULL DEFAULT true,
    total_bookings         integer          NOT NULL DEFAULT 0,
    average_rating         double precision NOT NULL DEFAULT 0,
    total_reviews          integer          NOT NULL DEFAULT 0,
    -- set once a booking held the spot: such a spot is deactivated instead of deleted
    has_history            boolean          NOT NULL DEFAULT false,
    created_at             timestamptz      NOT NULL DEFAULT now(),
    updated_at             timestamptz      NOT NULL DEFAULT now()
);

-- Nearby search: KNN (ORDER BY <->) and radius prefilter (earth_box @>) over searchable spots (ADR 0002).
CREATE INDEX parking_spots_location ON parking_spots USING gist (ll_to_earth(latitude, longitude))
    WHERE is_active AND is_available;
-- Search without a location: newest first.
CREATE INDEX parking_spots_newest ON parking_spots (created_at DESC, id DESC) WHERE is_active AND is_available;
CREATE INDEX parking_spots_owner ON parking_spots (owner_id);

-- Availability slots: weekly (day_of_week, 0 = Monday) or on one date, in the spot's time zone; end <= start means the
-- window ends on the next day. Blocked slots (is_available = false) close the spot; available ones are informational.
CREATE TABLE spot_availability (
    id              uuid PRIMARY KEY,
    parking_spot_id uuid        NOT NULL REFERENCES parking_spots (id),
    day_of_week     smallint CHECK (day_of_week BETWEEN 0 AND 6),
    specific_date   date,
    start_time      time        NOT NULL,
    end_time        time        NOT NULL,
    is_available    boolean     NOT NULL DEFAULT true,
    created_at      timestamptz NOT NULL DEFAULT now(),
    CHECK (day_of_week IS NULL OR specific_date IS NULL)
);
CREATE INDEX spot_availability_spot ON spot_availability (parking_spot_id);

-- Intervals held by bookings (pending, confirmed, in progress), written by the bookings module through SpotOccupancy.
CREATE TABLE spot_occupancy (
    booking_id uuid PRIMARY KEY,
    spot_id    uuid      NOT NULL REFERENCES parking_spots (id),
    period     tstzrange NOT NULL
);
CREATE INDEX spot_occupancy_period ON spot_occupancy USING gist (spot_id, period);

-- Whether a spot whose week is open_week (see above) is open for all of [starts, ends), read in time zone tz.
-- Wall-clock bounds are widened by a DST shift, so a stay across a transition is never allowed when closed.
CREATE FUNCTION spot_open_during(open_week int4multirange, tz text, starts timestamptz, ends timestamptz)
    RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE AS
$$
SELECT open_week = '{[0,10080)}'::int4multirange
    OR (SELECT CASE
                   WHEN w.e - w.s >= 10080 THEN false
                   WHEN w.e <= 10080 THEN open_week @> int4range(w.s, w.e)
                   ELSE open_week @> int4range(w.s, 10080) AND open_week @> int4range(0, w.e - 10080)
               END
        FROM (SELECT floor(extract(epoch FROM l.a - date_trunc('week', l.a)) / 60)::int AS s,
                     ceil(extract(epoch FROM l.b - date_trunc('week', l.a)) / 60)::int  AS e
              FROM (SELECT least(starts AT TIME ZONE tz, (ends AT TIME ZONE tz) - (ends - starts))    AS a,
                           greatest(ends AT TIME ZONE tz, (starts AT TIME ZONE tz) + (ends - starts)) AS b) l) w)
$$;

-- Whether a blocked slot on a specific date overlaps [starts, ends).
CREATE FUNCTION spot_blocked_during(spot uuid, tz text, starts timestamptz, ends timestamptz)
    RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE AS
$$
SELECT EXISTS (SELECT 1
               FROM spot_availability b
               WHERE b.parking_spot_id = spot
                 AND NOT b.is_available
                 AND b.specific_date IS NOT NULL
                 AND tstzrange((b.specific_date + b.start_time) AT TIME ZONE tz,
                               ((b.specific_date + CASE WHEN b.end_time <= b.start_time THEN 1 ELSE 0 END)
                                   + b.end_time) AT TIME ZONE tz, '[)')
                     && tstzrange(starts, ends, '[)'))
$$;

-- Whether a booking holds any part of [starts, ends).
CREATE FUNCTION spot_occupied_during(spot uuid, starts timestamptz, ends timestamptz)
    RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE AS
$$
SELECT EXISTS (SELECT 1 FROM spot_occupancy o WHERE o.spot_id = spot AND o.period && tstzrange(starts, ends, '[)'))
$$;
