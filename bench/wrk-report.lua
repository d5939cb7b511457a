-- Shared by the wrk scenarios (bench/*.lua, loaded with dofile from the repository root): numbers each thread (its
-- `id`, for seeding) and prints one RESULT line that bench/search-bench.sh reads.
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end

-- one id a line; empty lines skipped
function read_lines(path)
  local lines = {}
  for line in io.lines(path) do
    if #line > 0 then table.insert(lines, line) end
  end
  return lines
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
