-- wrk script for serve-load.sh: POST /api/run with the flagship, the patient's weight changed on
-- every request (41 variants, 50–90 kg), like a class of pages editing it.
local bodies, n = {}, 0
function init(args)
  local f = assert(io.open(os.getenv("FLAGSHIP_JSON")))
  local flagship = f:read("*a")
  f:close()
  for w = 50, 90 do
    local b = flagship:gsub('"patient":"adult"', '"patient":{"preset":"adult","weight":"' .. w .. ' kg"}', 1)
    bodies[#bodies + 1] = b
  end
end
function request()
  n = n % #bodies + 1
  return wrk.format("POST", "/api/run", { ["Content-Type"] = "application/json" }, bodies[n])
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("requests %d in %.1f s (%.1f/s); errors: connect %d, read %d, write %d, timeout %d, non-2xx %d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    e.connect, e.read, e.write, e.timeout, e.status))
  io.write(string.format("latency p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
