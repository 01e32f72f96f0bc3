-- wrk report for scripts/bench-server.sh: one machine-readable line after
-- wrk's own output, so that the script never parses human units ("1.2ms").
-- Fields: requests, duration (µs), p50 (µs), p99 (µs), non-2xx/3xx
-- responses, socket errors (connect+read+write+timeout).
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("BENCH %d %d %d %d %d %d\n",
    summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(99),
    e.status, e.connect + e.read + e.write + e.timeout))
end
