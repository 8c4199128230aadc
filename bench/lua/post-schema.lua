-- POST the same schema again and again: a lookup (POST /subjects/{s}) or an idempotent
-- re-registration (POST /subjects/{s}/versions), depending on PATH_SUFFIX.
local subject = os.getenv("SUBJECT") or "subject-0-value"
local suffix = os.getenv("PATH_SUFFIX") or ""
local body = io.open(os.getenv("BODY_FILE")):read("*a")
wrk.method = "POST"
wrk.body = body
wrk.headers["Content-Type"] = "application/vnd.schemaregistry.v1+json"
request = function()
  return wrk.format(nil, "/subjects/" .. subject .. suffix)
end
