-- wrk load scenario for price quotes: POST /api/v1/bookings/calculate-price for random spots (ids from a file, one a
-- line; argument after --), a start within the next 30 days on a quarter hour, 30 minutes to 3 days long.
local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(5678 + id)
  ids = {}
  for line in io.lines(args[1]) do
    if #line > 0 then table.insert(ids, line) end
  end
  base = math.floor(os.time() / 3600) * 3600 + 3600
end

request = function()
  local start = base + 900 * math.random(0, 30 * 96)
  local body = string.format('{"parking_spot_id":"%s","start_time":"%s","end_time":"%s"}',
    ids[math.random(#ids)], os.date("!%Y-%m-%dT%H:%M:%SZ", start),
    os.date("!%Y-%m-%dT%H:%M:%SZ", start + 1800 * math.random(1, 144)))
  return wrk.format("POST", "/api/v1/bookings/calculate-price", {["Content-Type"] = "application/json"}, body)
end

done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "RESULT requests=%d seconds=%.1f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f"
      .. " non2xx=%d timeouts=%d connect_errors=%d read_errors=%d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, summary.errors.status, summary.errors.timeout, summary.errors.connect,
    summary.errors.read))
end
