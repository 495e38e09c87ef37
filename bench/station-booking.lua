-- wrk script for bench/station-booking.sh: every request is a member booking a one-hour slot for
-- themselves (caller headers as the gateway sets them). Environment: BENCH_STATION, BENCH_ROOMS
-- (space-separated), BENCH_BASE (epoch of a Shanghai midnight), BENCH_DAYS, BENCH_THREADS, BENCH_MODE:
--   contended  a random slot of a few rooms over a few days: many requests want the same slot and
--              the loser gets 409;
--   free       each thread walks its own share of the slots of many rooms, one after the other, so
--              that every request asks for a slot nobody has asked for (all 201).
local rooms = {}
for id in string.gmatch(os.getenv("BENCH_ROOMS") or "", "%S+") do
  rooms[#rooms + 1] = id
end
local station = os.getenv("BENCH_STATION")
local base = tonumber(os.getenv("BENCH_BASE"))
local days = tonumber(os.getenv("BENCH_DAYS") or "3")
local nthreads = tonumber(os.getenv("BENCH_THREADS") or "2")
local free = os.getenv("BENCH_MODE") == "free"
local threads = 0

function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end

local sent = 0

function init(args)
  math.randomseed(os.time() + tid * 7919)
end

-- Shanghai wall time with its offset; the station opens 00:00-23:59 every day.
local function shanghai(epoch)
  return os.date("!%Y-%m-%dT%H:%M:%S+08:00", epoch + 8 * 3600)
end

local function slot()
  if free then
    local n = sent * nthreads + tid
    sent = sent + 1
    local room = rooms[(n % #rooms) + 1]
    local k = math.floor(n / #rooms)
    return room, base + math.floor(k / 23) * 86400 + (k % 23) * 3600
  end
  return rooms[math.random(1, #rooms)], base + math.random(0, days - 1) * 86400 + math.random(0, 22) * 3600
end

function request()
  local room, start = slot()
  local member = string.format("00000000-0000-0000-0004-%012x", math.random(1, 1000000))
  local body = string.format('{"start":"%s","end":"%s","bookerKind":"MEMBER",'
    .. '"bookerName":"bench","purpose":"bench","attendees":5}', shanghai(start), shanghai(start + 3600))
  return wrk.format("POST", "/api/v1/stations/" .. station .. "/rooms/" .. room .. "/bookings",
    { ["Content-Type"] = "application/json", ["X-Caller-Subject"] = member, ["X-Caller-Kind"] = "PERSON",
      ["X-Caller-Roles"] = "member" }, body)
end
