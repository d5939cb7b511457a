-- wrk load scenario for spot details: GET /api/v1/parking-spots/<id> for ids drawn at random from a file (one id a
-- line; argument after --). Seeded per thread: repeatable.
local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(4321 + id)
  ids = {}
  for line in io.lines(args[1]) do
    if #line > 0 then table.insert(ids, line) end
  end
end

request = function()
  return wrk.format("GET", "/api/v1/parking-spots/" .. ids[math.random(#ids)])
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
