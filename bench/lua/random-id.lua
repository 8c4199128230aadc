-- GET /schemas/ids/{id} with ids spread over 1..MAX_ID (wrk.lua); MAX_ID from the environment.
local max_id = tonumber(os.getenv("MAX_ID") or "1000")
math.randomseed(os.time())
request = function()
  return wrk.format("GET", "/schemas/ids/" .. math.random(1, max_id))
end
