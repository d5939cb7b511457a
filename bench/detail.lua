-- wrk load scenario for spot details: GET /api/v1/parking-spots/<id> for ids drawn at random from a file (one id a
-- line; argument after --). Seeded per thread: repeatable.
dofile("bench/wrk-report.lua")

function init(args)
  math.randomseed(4321 + id)
  ids = read_lines(args[1])
end

request = function()
  return wrk.format("GET", "/api/v1/parking-spots/" .. ids[math.random(#ids)])
end
