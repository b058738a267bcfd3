// The alerts file: saved alerts, the documents already delivered for each, and the
// notifications each run produced (the outbox the deliveries drain and the feed reads).
// Thread-safe: the server's runner thread and its handlers share one store.
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "alerts/alert.h"
#include "alerts/sqlite.h"

namespace rasd::alerts {

/// The ways a notification leaves rasd besides the feed; each is tracked per notification.
enum class Channel { Jsonl, Webhook };

/// What one evaluation of an alert concluded, written in one transaction.
struct RunRecord {
  std::int64_t alert_id = 0;
  std::vector<Notification> notifications;  // new ones only (never delivered before)
  UnixTime now = 0;
};

/// Outcome of a run, recorded after the watermark decision.
struct RunOutcome {
  std::int64_t alert_id = 0;
  std::uint64_t watermark = 0;
  UnixTime now = 0;
  std::uint64_t new_hits = 0;
  std::optional<std::string> error;
};

class AlertStore {
 public:
  /// The schema version this build writes; older files are migrated step by step on open.
  static constexpr int kSchemaVersion = 3;

  /// Opens (creating when missing) and migrates. Throws VersionMismatch for a newer file.
  explicit AlertStore(const std::string& path);

  Alert add(const AlertSpec& spec, std::uint64_t watermark, UnixTime now);
  std::optional<Alert> find(std::int64_t id);
  /// Throws NotFound.
  Alert get(std::int64_t id);
  std::vector<Alert> list();
  /// Removes the alert with its notifications and delivered set; throws NotFound.
  void remove(std::int64_t id);

  /// Of `doc_ids`, those already delivered for the alert.
  std::vector<std::string> delivered_among(std::int64_t alert_id, const std::vector<std::string>& doc_ids);
  /// Stores the notifications (pending on every configured channel) and marks their documents
  /// and copies delivered, in one transaction. Fills each notification's id.
  void record(RunRecord& run);
  /// Moves the watermark and stores the run's state.
  void finish(const RunOutcome& outcome);
  void set_error(std::int64_t alert_id, const std::optional<std::string>& error);

  /// Notifications of the alert still waiting on `channel`, oldest first.
  std::vector<Notification> pending(std::int64_t alert_id, Channel channel);
  void mark_done(const std::vector<Notification>& done, Channel channel);
  /// Counts a failed attempt; after `max_attempts` (0: never) the notifications are given up on
  /// that channel.
  void mark_failed(const std::vector<Notification>& failed, Channel channel, int max_attempts);

  /// A new secret feed address for the alert (the old one stops working); only its SHA-256 is
  /// stored, so the secret is shown once. Throws NotFound.
  std::string new_feed_secret(std::int64_t alert_id);
  /// The feed address stops working. Throws NotFound.
  void revoke_feed(std::int64_t alert_id);
  /// The alert whose feed secret this is.
  std::optional<Alert> find_by_feed(const std::string& secret);

  /// A webhook delivery succeeded: the failure count and backoff are cleared.
  void webhook_delivered(std::int64_t alert_id);
  /// A webhook delivery failed: counts it and sets when to try next (base, doubled per failure
  /// in a row, at most max); returns the new state.
  Alert webhook_failed(std::int64_t alert_id, const std::string& error, UnixTime now, std::chrono::seconds base,
                       std::chrono::seconds max);
  /// The JSONL file's size before an append in progress, or none.
  void set_jsonl_mark(std::int64_t alert_id, std::optional<std::int64_t> mark);

  /// The newest notifications of the alert, newest first.
  std::vector<Notification> recent(std::int64_t alert_id, std::size_t limit);

  const std::string& path() const { return db_.path(); }

 private:
  std::mutex mutex_;
  sql::Database db_;
};

/// Brings a file from its user_version to `target`, one step per version, each in a
/// transaction. Exposed so tests can build an old file and migrate it.
void migrate(sql::Database& db, int target);

}  // namespace rasd::alerts
