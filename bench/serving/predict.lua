-- wrk script: POST one real 16S gene per request to /api/v1/models/NAME/predict, cycling through
-- the bodies in BENCH_BODIES (one JSON document per line), each connection from its own offset.
--   BENCH_TOKEN   the bearer token
--   BENCH_BODIES  the file of request bodies
--   BENCH_PATH    the path (default /api/v1/models/rrna-classifier/predict)
local token = os.getenv("BENCH_TOKEN")
local path = os.getenv("BENCH_PATH") or "/api/v1/models/rrna-classifier/predict"
local bodies = {}
for line in io.lines(os.getenv("BENCH_BODIES")) do
  bodies[#bodies + 1] = line
end
local headers = { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }
local requests = {}
local n = 0

-- built here, not when the script loads: wrk.format adds the Host header (Tomcat answers 400
-- without one) only once wrk has parsed the URL
function init(args)
  for i, body in ipairs(bodies) do
    requests[i] = wrk.format("POST", path, headers, body)
  end
  n = math.random(1, #requests)
end

function request()
  n = n % #requests + 1
  return requests[n]
end

local bad = 0
function response(status, headers, body)
  if status ~= 200 and bad < 3 then
    bad = bad + 1
    io.stderr:write("status " .. status .. ": " .. body:sub(1, 200) .. "\n")
  end
end
