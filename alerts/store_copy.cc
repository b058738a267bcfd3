#include "alerts/store_copy.h"

#include <filesystem>

#include "alerts/sqlite.h"
#include "error/error.h"

namespace rasd::alerts {
namespace {

void require_file(const std::string& path) {
  if (!std::filesystem::is_regular_file(path)) throw NotFound("no alerts file at '" + path + "'");
}

StoreSummary summarize(sql::Database& db) {
  StoreSummary s;
  s.schema_version = db.user_version();
  auto count = [&](const char* sql) {
    sql::Statement st = db.prepare(sql);
    return st.step() ? static_cast<std::size_t>(st.int64(0)) : 0;
  };
  s.alerts = count("SELECT count(*) FROM alerts");
  s.notifications = count("SELECT count(*) FROM hits");
  return s;
}

}  // namespace

StoreSummary copy_store(const std::string& from, const std::string& to) {
  require_file(from);
  if (std::filesystem::exists(to)) throw InvalidInput("'" + to + "' exists already: an alerts copy needs a new file");
  sql::Database source(from);
  sql::Database dest(to);
  source.copy_to(dest);
  return summarize(dest);
}

StoreSummary restore_store(const std::string& snapshot, const std::string& target) {
  require_file(snapshot);
  sql::Database source(snapshot);
  sql::Database dest(target);
  source.copy_to(dest);
  return summarize(dest);
}

StoreSummary inspect_store(const std::string& path) {
  require_file(path);
  sql::Database db(path);
  return summarize(db);
}

}  // namespace rasd::alerts
