-- wrk script for bench/station-booking.sh: every request is a member booking a one-hour slot for
-- themselves (caller headers as the gateway sets them) in one of a few rooms over a few days, so
-- that many requests want the same slot (contention); the loser of a slot gets 409. Environment: BENCH_STATION, BENCH_ROOMS (space-separated), BENCH_BASE (epoch of
-- a Shanghai midnight), BENCH_DAYS, BENCH_THREADS.
local rooms = {}
for id in string.gmatch(os.getenv("BENCH_ROOMS") or "", "%S+") do
  rooms[#rooms + 1] = id
end
local station = os.getenv("BENCH_STATION")
local base = tonumber(os.getenv("BENCH_BASE"))
local days = tonumber(os.getenv("BENCH_DAYS") or "3")
local threads = 0

function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end

function init(args)
  math.randomseed(os.time() + tid * 7919)
end

-- Shanghai wall time with its offset; the station opens 00:00-23:59 every day.
local function shanghai(epoch)
  return os.date("!%Y-%m-%dT%H:%M:%S+08:00", epoch + 8 * 3600)
end

function request()
  local room = rooms[math.random(1, #rooms)]
  local start = base + math.random(0, days - 1) * 86400 + math.random(0, 22) * 3600
  local member = string.format("00000000-0000-0000-0004-%012x", math.random(1, 1000000))
  local body = string.format('{"start":"%s","end":"%s","bookerKind":"MEMBER",'
    .. '"bookerName":"bench","purpose":"bench","attendees":5}', shanghai(start), shanghai(start + 3600))
  return wrk.format("POST", "/api/v1/stations/" .. station .. "/rooms/" .. room .. "/bookings",
    { ["Content-Type"] = "application/json", ["X-Caller-Subject"] = member, ["X-Caller-Kind"] = "PERSON",
      ["X-Caller-Roles"] = "member" }, body)
end
