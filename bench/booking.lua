-- wrk load scenario for bookings: many renters booking distinct (spot, 30-minute slot) pairs concurrently.
-- Arguments (after --): <dir with tokens.txt and spots.txt> <base epoch seconds, whole hour, in the future> <threads>
-- The n-th fresh request of thread t has the global index g = n * threads + t: spot g mod #spots, slot
-- floor(g / #spots), renter g mod #renters. Every g is distinct, so these never overlap, and spots and renters are used
-- evenly. Every 50th request instead repeats the thread's fresh request from 25 before (same spot and slot, another
-- renter): a deliberate conflict that must answer 409 (or, if it overtakes the original, win and turn the original
-- into the 409). Counts 201 / 409 / other per thread.
local threads = {}
local counter = 0

function setup(thread)
  thread:set("tid", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

local function lines(path)
  local t = {}
  for line in io.lines(path) do
    if #line > 0 then table.insert(t, line) end
  end
  return t
end

function init(args)
  tokens = lines(args[1] .. "/tokens.txt")
  spots = lines(args[1] .. "/spots.txt")
  base = tonumber(args[2])
  nthreads = tonumber(args[3])
  k, n = 0, 0
  created, conflicts, other, duplicates = 0, 0, 0, 0
  other_sample = ""
end

local function booking(g, renter)
  local spot = spots[(g % #spots) + 1]
  local start = base + math.floor(g / #spots) * 1800
  local body = string.format('{"parking_spot_id":"%s","start_time":"%s","end_time":"%s"}', spot,
    os.date("!%Y-%m-%dT%H:%M:%SZ", start), os.date("!%Y-%m-%dT%H:%M:%SZ", start + 1800))
  return wrk.format("POST", "/api/v1/bookings/",
    {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. tokens[(renter % #tokens) + 1]}, body)
end

request = function()
  k = k + 1
  if k % 50 == 0 then
    duplicates = duplicates + 1
    local g = (n - 25) * nthreads + tid
    return booking(g, g + 1)
  end
  local g = n * nthreads + tid
  n = n + 1
  return booking(g, g)
end

response = function(status, headers, body)
  if status == 201 then
    created = created + 1
  elseif status == 409 then
    conflicts = conflicts + 1
  else
    other = other + 1
    if other_sample == "" then other_sample = status .. " " .. string.sub(body or "", 1, 200) end
  end
end

done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local c, x, o, d = 0, 0, 0, 0
  local sample = ""
  for _, thread in ipairs(threads) do
    c = c + thread:get("created")
    x = x + thread:get("conflicts")
    o = o + thread:get("other")
    d = d + thread:get("duplicates")
    if sample == "" then sample = thread:get("other_sample") end
  end
  io.write(string.format(
    "RESULT requests=%d seconds=%.1f rps=%.1f created=%d created_per_s=%.1f conflicts=%d other=%d"
      .. " duplicates_sent=%d p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f"
      .. " timeouts=%d connect_errors=%d read_errors=%d write_errors=%d\n",
    summary.requests, seconds, summary.requests / seconds, c, c / seconds, x, o, d,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, summary.errors.timeout, summary.errors.connect, summary.errors.read,
    summary.errors.write))
  if sample ~= "" then io.write("OTHER_SAMPLE " .. sample .. "\n") end
end
