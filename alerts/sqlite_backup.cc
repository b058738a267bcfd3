// SQLite's online backup: the one consistent way to copy a database file that other processes
// have open (copying the file would miss what sits in its -wal file, or take half a write).
#include <sqlite3.h>

#include <chrono>
#include <thread>

#include "alerts/sqlite.h"
#include "error/error.h"

namespace rasd::sql {
namespace {

constexpr int kBusyRetries = 200;  // 200 x 25 ms: a writer holding the file for 5 s
constexpr auto kBusyWait = std::chrono::milliseconds(25);

}  // namespace

void Database::copy_to(Database& dest) {
  sqlite3_backup* backup = sqlite3_backup_init(dest.db_, "main", db_, "main");
  if (!backup) dest.check(sqlite3_errcode(dest.db_), "starting a copy of " + path_);
  int rc = SQLITE_OK;
  for (int tries = 0; tries <= kBusyRetries; ++tries) {
    rc = sqlite3_backup_step(backup, -1);  // every page in one step: no restart half-way
    if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED) break;
    std::this_thread::sleep_for(kBusyWait);
  }
  sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE)
    throw IndexError("cannot copy alerts file " + path_ + " to " + dest.path_ + ": " + sqlite3_errstr(rc));
}

}  // namespace rasd::sql
