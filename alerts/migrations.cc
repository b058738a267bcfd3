// The alerts file's schema history. Each step takes a file from version N-1 to N; a file is
// never rebuilt, so alerts, watermarks and delivered sets survive every upgrade.
#include <string>

#include "error/error.h"
#include "alerts/store.h"

namespace rasd::alerts {

namespace {

// Version 1: alerts, the delivered set per alert, and the notifications of each run.
constexpr const char* kVersion1 = R"sql(
CREATE TABLE alerts (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL,
  query TEXT NOT NULL,
  filters TEXT NOT NULL DEFAULT '{}',
  every_seconds INTEGER NOT NULL,
  jsonl_path TEXT,
  webhook_url TEXT,
  watermark INTEGER NOT NULL,
  created INTEGER NOT NULL,
  last_run INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  last_new_hits INTEGER NOT NULL DEFAULT 0,
  total_hits INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE delivered (
  alert_id INTEGER NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
  doc_id TEXT NOT NULL,
  PRIMARY KEY (alert_id, doc_id)
) WITHOUT ROWID;
CREATE TABLE hits (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  alert_id INTEGER NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
  doc_id TEXT NOT NULL,
  sequence INTEGER NOT NULL,
  found INTEGER NOT NULL,
  payload TEXT NOT NULL
);
)sql";

// Version 2: hits become an outbox with a state per delivery channel, so a crash or a failing
// webhook leaves them pending instead of lost. Version-1 hits had been delivered already.
// States: 0 pending, 1 done, 2 not configured, 3 given up.
constexpr const char* kVersion2 = R"sql(
ALTER TABLE hits ADD COLUMN jsonl_state INTEGER NOT NULL DEFAULT 1;
ALTER TABLE hits ADD COLUMN webhook_state INTEGER NOT NULL DEFAULT 1;
ALTER TABLE hits ADD COLUMN webhook_attempts INTEGER NOT NULL DEFAULT 0;
CREATE INDEX hits_by_alert ON hits(alert_id, id);
)sql";

// Version 3: a revocable secret feed address per alert (only its SHA-256 is kept), the webhook's
// delivery state kept across runs (failures in a row, when to try next, the last error), and the
// JSONL file's size before an append in progress (so a crash never appends a batch twice).
constexpr const char* kVersion3 = R"sql(
ALTER TABLE alerts ADD COLUMN feed_secret_sha256 TEXT;
ALTER TABLE alerts ADD COLUMN webhook_failures INTEGER NOT NULL DEFAULT 0;
ALTER TABLE alerts ADD COLUMN webhook_next_attempt INTEGER NOT NULL DEFAULT 0;
ALTER TABLE alerts ADD COLUMN webhook_error TEXT;
ALTER TABLE alerts ADD COLUMN jsonl_mark INTEGER;
CREATE UNIQUE INDEX alerts_by_feed ON alerts(feed_secret_sha256);
)sql";

constexpr const char* kSteps[] = {kVersion1, kVersion2, kVersion3};
static_assert(std::size(kSteps) == AlertStore::kSchemaVersion);

}  // namespace

void migrate(sql::Database& db, int target) {
  const int current = db.user_version();
  if (current > AlertStore::kSchemaVersion)
    throw VersionMismatch("alerts file " + db.path() + " has schema version " + std::to_string(current) +
                          ", newer than this rasd (" + std::to_string(AlertStore::kSchemaVersion) + ")");
  for (int version = current + 1; version <= target; ++version) {
    sql::Transaction tx(db);
    // Another process may have migrated while we waited for the write lock.
    if (db.user_version() >= version) continue;
    db.exec(kSteps[version - 1]);
    db.set_user_version(version);
    tx.commit();
  }
}

}  // namespace rasd::alerts
