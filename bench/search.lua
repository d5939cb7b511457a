-- wrk load scenario for nearby search: varied coordinates (dense centre, urban ring, suburbs), radii and filters,
-- so that almost every request is a different URL (no single cached answer). Seeded per thread: repeatable.
-- With the argument "window" (wrk ... -s bench/search.lua URL -- window) each search also asks for a time window:
-- a start within the next 30 days on a quarter hour, 1 to 8 hours long (opening hours, blocks and bookings apply).
local centre_lat, centre_lon = 37.9838, 23.7275
local types = {"indoor", "outdoor", "covered", "garage", "driveway", "lot"}
local sizes = {"motorcycle", "compact", "standard", "large", "oversized"}
local radii = {"0.5", "1", "2", "5", "10", "25"}
dofile("bench/wrk-report.lua")

function init(args)
  math.randomseed(1234 + id)
  window = args[1] == "window"
  base = math.floor(os.time() / 3600) * 3600 + 3600
end

local function gauss()
  local u1, u2 = math.random(), math.random()
  return math.sqrt(-2 * math.log(u1 + 1e-12)) * math.cos(2 * math.pi * u2)
end

request = function()
  local lat, lon
  local r = math.random()
  if r < 0.6 then
    lat, lon = centre_lat + gauss() * 0.02, centre_lon + gauss() * 0.025
  elseif r < 0.9 then
    lat, lon = centre_lat + gauss() * 0.07, centre_lon + gauss() * 0.09
  else
    lat, lon = centre_lat + gauss() * 0.25, centre_lon + gauss() * 0.3
  end
  local q = string.format("/api/v1/parking-spots/?latitude=%.5f&longitude=%.5f&radius_km=%s",
    lat, lon, radii[math.random(#radii)])
  if math.random() < 0.25 then q = q .. "&spot_type=" .. types[math.random(#types)] end
  if math.random() < 0.15 then q = q .. "&has_ev_charging=true" end
  if math.random() < 0.20 then q = q .. "&max_price=" .. (200 + 50 * math.random(0, 14)) end
  if math.random() < 0.10 then q = q .. "&vehicle_size=" .. sizes[math.random(#sizes)] end
  if math.random() < 0.10 then q = q .. "&is_covered=true" end
  if math.random() < 0.10 then q = q .. "&page=" .. math.random(2, 3) end
  if window then
    local start = base + 900 * math.random(0, 30 * 96)
    q = q .. "&start_time=" .. os.date("!%Y-%m-%dT%H:%M:%SZ", start)
      .. "&end_time=" .. os.date("!%Y-%m-%dT%H:%M:%SZ", start + 3600 * math.random(1, 8))
  end
  return wrk.format("GET", q)
end
