-- wrk load scenario for one URL asked again and again (the path after --): what a cache would serve.
function init(args)
  path = args[1]
end

request = function()
  return wrk.format("GET", path)
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
