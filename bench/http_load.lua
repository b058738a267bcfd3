-- wrk script for bench/http_load.sh: /api/search with facets on, the query, filters and page
-- varying per request. done() prints one machine-readable line per run.
local queries = {
  "ترامب", "سوريا", "الحكومة", "النفط", "إيران", "الاقتصاد", "مصر", "هجوم", "روسيا",
  "الانتخابات", "اللاعب", "السعودية", "\"الأمم المتحدة\"", "\"البيت الأبيض\"", "أسعار",
  "العراق", "تركيا", "الصين", "فلسطين", "كأس العالم", "البنك المركزي", "قطر OR الإمارات",
  "الأمن -سوريا", "صواريخ", "المعارضة", "الدولار", "تحقيق", "لبنان", "الحوثيين", "انفجار",
}
local extras = { "", "", "", "&sort=date", "&source=bbc", "&page=2", "&from=2018-05", "&country=EG" }

local function encode(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local counter = 0
request = function()
  counter = counter + 1
  local q = queries[(counter * 7) % #queries + 1]
  local extra = extras[(counter * 3) % #extras + 1]
  return wrk.format("GET", "/api/search?facets=true&size=10&q=" .. encode(q) .. extra)
end

done = function(summary, latency, requests)
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.status + e.timeout
  io.write(string.format("RESULT rps=%.1f p50_ms=%.2f p99_ms=%.2f requests=%d errors=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, summary.requests, errors))
end
