-- wrk load scenario for price quotes: POST /api/v1/bookings/calculate-price for random spots (ids from a file, one a
-- line; argument after --), a start within the next 30 days on a quarter hour, 30 minutes to 3 days long.
dofile("bench/wrk-report.lua")

function init(args)
  math.randomseed(5678 + id)
  ids = read_lines(args[1])
  base = math.floor(os.time() / 3600) * 3600 + 3600
end

request = function()
  local start = base + 900 * math.random(0, 30 * 96)
  local body = string.format('{"parking_spot_id":"%s","start_time":"%s","end_time":"%s"}',
    ids[math.random(#ids)], os.date("!%Y-%m-%dT%H:%M:%SZ", start),
    os.date("!%Y-%m-%dT%H:%M:%SZ", start + 1800 * math.random(1, 144)))
  return wrk.format("POST", "/api/v1/bookings/calculate-price", {["Content-Type"] = "application/json"}, body)
end
