-- wrk script for bench/training-enrolment.sh: every request enrols a different person (seeded
-- learners 00000000-0000-0000-0000-<12 hex digits>) into one of a few sessions with few seats.
-- BENCH_SESSIONS: space-separated session ids; BENCH_PERSON_OFFSET: first person number to use.
local sessions = {}
for id in string.gmatch(os.getenv("BENCH_SESSIONS") or "", "%S+") do
  sessions[#sessions + 1] = id
end
local offset = tonumber(os.getenv("BENCH_PERSON_OFFSET") or "0")
local threads = 0

function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end

function init(args)
  counter = 0
  stride = tonumber(os.getenv("BENCH_THREADS") or "2")
end

function request()
  local person = offset + counter * stride + tid + 1
  counter = counter + 1
  local session = sessions[(person % #sessions) + 1]
  local id = string.format("00000000-0000-0000-0000-%012x", person)
  local body = '{"personId":"' .. id .. '"}'
  -- each person enrols themselves, as the gateway names them to training-service
  return wrk.format("POST", "/api/v1/training/sessions/" .. session .. "/enrolments",
    { ["Content-Type"] = "application/json", ["X-Caller-Subject"] = id, ["X-Caller-Kind"] = "PERSON",
      ["X-Caller-Roles"] = "member" }, body)
end
