-- wrk script for scripts/bench-catalogue.sh: each request searches the
-- catalogue API with the next query of the mixed vi/en/ko set (one per line
-- in the file named by QUERIES), then reports like wrk-report.lua.
local queries = {}
local i = 0

local function urlencode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

init = function(args)
  local f = assert(io.open(os.getenv("QUERIES"), "r"))
  for line in f:lines() do
    if line ~= "" then queries[#queries + 1] = urlencode(line) end
  end
  f:close()
  -- Threads start at different places of the set.
  i = math.random(#queries)
end

request = function()
  i = i % #queries + 1
  return wrk.format("GET", os.getenv("SEARCH_PATH") .. queries[i])
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("BENCH %d %d %d %d %d %d\n",
    summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(99),
    e.status, e.connect + e.read + e.write + e.timeout))
end
