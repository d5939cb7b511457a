-- wrk load scenario for one URL asked again and again (the path after --): what a cache would serve.
dofile("bench/wrk-report.lua")

function init(args)
  path = args[1]
end

request = function()
  return wrk.format("GET", path)
end
