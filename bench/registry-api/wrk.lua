-- wrk script: a bearer token on every request, rotating pages or model names.
--   BENCH_TOKEN   the API token
--   BENCH_MODE    list (GET /api/v1/models?page=P&size=50, P in 0..199), after (GET
--                 /api/v1/models?after=NAME&size=50, keyset), get (GET /api/v1/models/NAME), or an
--                 operator's promotion, PUT /api/v1/models/NAME/aliases/production with a random
--                 version of 1-8 or 10 (9 is rejected): promote-hot on model-00001 only, every
--                 request waiting for the same model's row lock, or promote-spread on any model
--   BENCH_RATE    optional: total requests/s to pace at (all connections together); unset = flat out
--   BENCH_CONNS   the connection count, needed with BENCH_RATE
local token = os.getenv("BENCH_TOKEN")
local mode = os.getenv("BENCH_MODE") or "list"
local rate = tonumber(os.getenv("BENCH_RATE") or "")
local conns = tonumber(os.getenv("BENCH_CONNS") or "1")
local headers = { ["Authorization"] = "Bearer " .. token }
local put_headers = { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }
local n = 0

function init(args)
  math.randomseed(os.time())
end

-- pacing: each connection waits on average conns/rate seconds before its next request
-- (exponential gaps, so arrivals are Poisson-like rather than lock-step)
if rate then
  function delay()
    local mean_ms = conns * 1000.0 / rate
    return math.floor(-math.log(1 - math.random()) * mean_ms)
  end
end

function request()
  n = n + 1
  local path
  if mode == "list" then
    path = "/api/v1/models?page=" .. math.random(0, 199) .. "&size=50"
  elseif mode == "after" then
    path = string.format("/api/v1/models?after=model-%05d&size=50", math.random(0, 9950))
  elseif mode == "promote-hot" or mode == "promote-spread" then
    local m = mode == "promote-hot" and 1 or math.random(1, 10000)
    local v = math.random(1, 9)
    if v == 9 then v = 10 end
    path = string.format("/api/v1/models/model-%05d/aliases/production", m)
    return wrk.format("PUT", path, put_headers,
      string.format('{"version": %d, "reason": "benchmark: promotions under contention"}', v))
  else
    path = string.format("/api/v1/models/model-%05d", math.random(1, 10000))
  end
  return wrk.format("GET", path, headers)
end
