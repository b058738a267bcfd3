#include "alerts/store.h"

#include <fcntl.h>
#include <openssl/evp.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>

#include "error/error.h"

namespace rasd::alerts {

namespace {

using nlohmann::json;

constexpr int kPending = 0, kDone = 1, kNotConfigured = 2, kGivenUp = 3;

constexpr const char* kAlertColumns =
    "id, name, query, filters, every_seconds, jsonl_path, webhook_url, watermark, created, last_run, "
    "last_error, last_new_hits, total_hits, webhook_failures, webhook_next_attempt, webhook_error, "
    "feed_secret_sha256 IS NOT NULL, jsonl_mark";

Alert read_alert(const sql::Statement& s) {
  Alert a;
  a.id = s.int64(0);
  a.spec.name = s.text(1);
  a.spec.query = s.text(2);
  a.spec.filters = filters_from_json(json::parse(s.text(3)));
  a.spec.every = std::chrono::seconds(s.int64(4));
  a.spec.jsonl_path = s.optional_text(5);
  a.spec.webhook_url = s.optional_text(6);
  a.watermark = static_cast<std::uint64_t>(s.int64(7));
  a.created = s.int64(8);
  a.last_run = s.int64(9);
  a.last_error = s.optional_text(10);
  a.last_new_hits = static_cast<std::uint64_t>(s.int64(11));
  a.total_hits = static_cast<std::uint64_t>(s.int64(12));
  a.webhook_failures = static_cast<int>(s.int64(13));
  a.webhook_next_attempt = s.int64(14);
  a.webhook_error = s.optional_text(15);
  a.has_feed = s.int64(16) != 0;
  if (s.optional_text(17)) a.jsonl_mark = s.int64(17);
  return a;
}

Notification read_notification(const sql::Statement& s) {
  // Columns: id, alert_id, sequence, found, payload.
  Notification n = notification_from_json(json::parse(s.text(4)));
  n.id = s.int64(0);
  n.alert_id = s.int64(1);
  n.sequence = static_cast<std::uint64_t>(s.int64(2));
  n.found = s.int64(3);
  return n;
}

const char* state_column(Channel channel) { return channel == Channel::Jsonl ? "jsonl_state" : "webhook_state"; }

std::int64_t as_int(std::uint64_t v) { return static_cast<std::int64_t>(v); }

std::string sha256_hex(const std::string& text) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  if (EVP_Digest(text.data(), text.size(), digest, &size, EVP_sha256(), nullptr) != 1)
    throw IndexError("cannot compute SHA-256");
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < size; ++i) {
    out += kHex[digest[i] >> 4];
    out += kHex[digest[i] & 0xF];
  }
  return out;
}

// 32 bytes from the kernel's CSPRNG, base64url without padding (43 characters).
std::string new_secret() {
  unsigned char raw[32];
  std::size_t got = 0;
  while (got < sizeof raw) {
    const ssize_t n = ::getrandom(raw + got, sizeof raw - got, 0);
    if (n < 0) throw IndexError("cannot draw random bytes for a feed secret");
    got += static_cast<std::size_t>(n);
  }
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string out;
  unsigned bits = 0, value = 0;
  for (const unsigned char c : raw) {
    value = (value << 8) | c;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out += kAlphabet[(value >> bits) & 0x3F];
    }
  }
  if (bits > 0) out += kAlphabet[(value << (6 - bits)) & 0x3F];
  return out;
}

}  // namespace

namespace {

// A new alerts file is readable by its owner only: it holds what analysts watch for and the
// receivers' webhook addresses. Runs before the database opens (and creates) it.
const std::string& created_private(const std::string& path) {
  struct stat st{};
  if (::stat(path.c_str(), &st) != 0) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd >= 0) ::close(fd);
  }
  return path;
}

}  // namespace

AlertStore::AlertStore(const std::string& path) : db_(created_private(path)) { migrate(db_, kSchemaVersion); }

Alert AlertStore::add(const AlertSpec& spec, std::uint64_t watermark, UnixTime now) {
  validate(spec);
  std::lock_guard lock(mutex_);
  sql::Statement s = db_.prepare(
      "INSERT INTO alerts (name, query, filters, every_seconds, jsonl_path, webhook_url, watermark, created) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  s.bind(1, spec.name).bind(2, spec.query).bind(3, filters_json(spec.filters).dump());
  s.bind(4, static_cast<std::int64_t>(spec.every.count())).bind(5, spec.jsonl_path).bind(6, spec.webhook_url);
  s.bind(7, as_int(watermark)).bind(8, now);
  s.run();
  Alert a;
  a.id = db_.last_insert_id();
  a.spec = spec;
  a.watermark = watermark;
  a.created = now;
  return a;
}

std::optional<Alert> AlertStore::find(std::int64_t id) {
  std::lock_guard lock(mutex_);
  sql::Statement s = db_.prepare(std::string("SELECT ") + kAlertColumns + " FROM alerts WHERE id = ?");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return read_alert(s);
}

Alert AlertStore::get(std::int64_t id) {
  if (auto a = find(id)) return *a;
  throw NotFound("no alert with id " + std::to_string(id));
}

std::vector<Alert> AlertStore::list() {
  std::lock_guard lock(mutex_);
  sql::Statement s = db_.prepare(std::string("SELECT ") + kAlertColumns + " FROM alerts ORDER BY id");
  std::vector<Alert> out;
  while (s.step()) out.push_back(read_alert(s));
  return out;
}

void AlertStore::remove(std::int64_t id) {
  std::lock_guard lock(mutex_);
  sql::Transaction tx(db_);
  for (const char* table : {"hits", "delivered"}) {
    sql::Statement s = db_.prepare(std::string("DELETE FROM ") + table + " WHERE alert_id = ?");
    s.bind(1, id).run();
  }
  sql::Statement s = db_.prepare("DELETE FROM alerts WHERE id = ?");
  s.bind(1, id).run();
  if (db_.changes() == 0) throw NotFound("no alert with id " + std::to_string(id));
  tx.commit();
}

std::vector<std::string> AlertStore::delivered_among(std::int64_t alert_id, const std::vector<std::string>& doc_ids) {
  std::lock_guard lock(mutex_);
  sql::Statement s = db_.prepare("SELECT 1 FROM delivered WHERE alert_id = ? AND doc_id = ?");
  std::vector<std::string> out;
  for (const std::string& id : doc_ids) {
    s.reset();
    s.bind(1, alert_id).bind(2, id);
    if (s.step()) out.push_back(id);
  }
  return out;
}

void AlertStore::record(RunRecord& run) {
  std::lock_guard lock(mutex_);
  sql::Transaction tx(db_);
  std::string name;
  int jsonl_state = kNotConfigured, webhook_state = kNotConfigured;
  {
    sql::Statement config =
        db_.prepare("SELECT name, jsonl_path IS NOT NULL, webhook_url IS NOT NULL FROM alerts WHERE id = ?");
    config.bind(1, run.alert_id);
    if (!config.step()) throw NotFound("no alert with id " + std::to_string(run.alert_id));
    name = config.text(0);
    if (config.int64(1)) jsonl_state = kPending;
    if (config.int64(2)) webhook_state = kPending;
  }
  sql::Statement hit = db_.prepare(
      "INSERT INTO hits (alert_id, doc_id, sequence, found, payload, jsonl_state, webhook_state) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)");
  sql::Statement delivered = db_.prepare("INSERT OR IGNORE INTO delivered (alert_id, doc_id) VALUES (?, ?)");
  auto mark = [&](const std::string& doc_id) {
    delivered.reset();
    delivered.bind(1, run.alert_id).bind(2, doc_id).run();
  };
  for (Notification& n : run.notifications) {
    n.alert_id = run.alert_id;
    n.found = run.now;
    hit.reset();
    hit.bind(1, run.alert_id).bind(2, n.hit.id).bind(3, as_int(n.sequence)).bind(4, run.now);
    hit.bind(5, to_json(n, name).dump()).bind(6, jsonl_state).bind(7, webhook_state);
    hit.run();
    n.id = db_.last_insert_id();
    mark(n.hit.id);
    // The copies were announced with it: a copy seen again later is not news.
    for (const Copy& c : n.hit.copy_list) mark(c.id);
  }
  sql::Statement total = db_.prepare("UPDATE alerts SET total_hits = total_hits + ? WHERE id = ?");
  total.bind(1, static_cast<std::int64_t>(run.notifications.size())).bind(2, run.alert_id).run();
  tx.commit();
}

void AlertStore::finish(const RunOutcome& o) {
  std::lock_guard lock(mutex_);
  sql::Statement s = db_.prepare(
      "UPDATE alerts SET watermark = MAX(watermark, ?), last_run = ?, last_new_hits = ?, last_error = ? WHERE id = ?");
  s.bind(1, as_int(o.watermark)).bind(2, o.now).bind(3, as_int(o.new_hits)).bind(4, o.error).bind(5, o.alert_id);
  s.run();
}

void AlertStore::set_error(std::int64_t alert_id, const std::optional<std::string>& error) {
  std::lock_guard lock(mutex_);
  sql::Statement s = db_.prepare("UPDATE alerts SET last_error = ? WHERE id = ?");
  s.bind(1, error).bind(2, alert_id).run();
}

std::vector<Notification> AlertStore::pending(std::int64_t alert_id, Channel channel) {
  std::lock_guard lock(mutex_);
  sql::Statement s = db_.prepare(std::string("SELECT id, alert_id, sequence, found, payload FROM hits WHERE alert_id = ? AND ") +
                                 state_column(channel) + " = ? ORDER BY id");
  s.bind(1, alert_id).bind(2, kPending);
  std::vector<Notification> out;
  while (s.step()) out.push_back(read_notification(s));
  return out;
}

void AlertStore::mark_done(const std::vector<Notification>& done, Channel channel) {
  std::lock_guard lock(mutex_);
  sql::Transaction tx(db_);
  sql::Statement s = db_.prepare(std::string("UPDATE hits SET ") + state_column(channel) + " = ? WHERE id = ?");
  for (const Notification& n : done) {
    s.reset();
    s.bind(1, kDone).bind(2, n.id).run();
  }
  tx.commit();
}

void AlertStore::mark_failed(const std::vector<Notification>& failed, Channel channel, int max_attempts) {
  if (channel != Channel::Webhook || max_attempts <= 0) return;  // kept pending until delivered
  std::lock_guard lock(mutex_);
  sql::Transaction tx(db_);
  sql::Statement s = db_.prepare(
      "UPDATE hits SET webhook_attempts = webhook_attempts + 1, "
      "webhook_state = CASE WHEN webhook_attempts + 1 >= ? THEN ? ELSE webhook_state END WHERE id = ?");
  for (const Notification& n : failed) {
    s.reset();
    s.bind(1, max_attempts).bind(2, kGivenUp).bind(3, n.id).run();
  }
  tx.commit();
}

std::string AlertStore::new_feed_secret(std::int64_t alert_id) {
  const std::string secret = new_secret();
  std::lock_guard lock(mutex_);
  sql::Statement s = db_.prepare("UPDATE alerts SET feed_secret_sha256 = ? WHERE id = ?");
  s.bind(1, sha256_hex(secret)).bind(2, alert_id).run();
  if (db_.changes() == 0) throw NotFound("no alert with id " + std::to_string(alert_id));
  return secret;
}

void AlertStore::revoke_feed(std::int64_t alert_id) {
  std::lock_guard lock(mutex_);
  sql::Statement s = db_.prepare("UPDATE alerts SET feed_secret_sha256 = NULL WHERE id = ?");
  s.bind(1, alert_id).run();
  if (db_.changes() == 0) throw NotFound("no alert with id " + std::to_string(alert_id));
}

std::optional<Alert> AlertStore::find_by_feed(const std::string& secret) {
  // Looked up by its hash: the file never holds a usable feed address, and the lookup compares
  // hashes, so its timing tells nothing about the secret.
  if (secret.size() < 32 || secret.size() > 128) return std::nullopt;
  std::lock_guard lock(mutex_);
  sql::Statement s = db_.prepare(std::string("SELECT ") + kAlertColumns + " FROM alerts WHERE feed_secret_sha256 = ?");
  s.bind(1, sha256_hex(secret));
  if (!s.step()) return std::nullopt;
  return read_alert(s);
}

void AlertStore::webhook_delivered(std::int64_t alert_id) {
  std::lock_guard lock(mutex_);
  sql::Statement s = db_.prepare(
      "UPDATE alerts SET webhook_failures = 0, webhook_next_attempt = 0, webhook_error = NULL WHERE id = ?");
  s.bind(1, alert_id).run();
}

Alert AlertStore::webhook_failed(std::int64_t alert_id, const std::string& error, UnixTime now,
                                 std::chrono::seconds base, std::chrono::seconds max) {
  std::lock_guard lock(mutex_);
  sql::Statement read = db_.prepare("SELECT webhook_failures FROM alerts WHERE id = ?");
  read.bind(1, alert_id);
  if (!read.step()) throw NotFound("no alert with id " + std::to_string(alert_id));
  const int failures = static_cast<int>(read.int64(0)) + 1;
  // Exponential backoff kept in the file, so a dead receiver costs one attempt per window
  // however often the alert runs.
  std::int64_t wait = base.count();
  for (int i = 1; i < failures && wait < max.count(); ++i) wait *= 2;
  wait = std::min<std::int64_t>(wait, max.count());
  sql::Statement s = db_.prepare(
      "UPDATE alerts SET webhook_failures = ?, webhook_next_attempt = ?, webhook_error = ? WHERE id = ?");
  s.bind(1, static_cast<std::int64_t>(failures)).bind(2, now + wait).bind(3, error).bind(4, alert_id).run();
  Alert a;
  a.id = alert_id;
  a.webhook_failures = failures;
  a.webhook_next_attempt = now + wait;
  a.webhook_error = error;
  return a;
}

void AlertStore::set_jsonl_mark(std::int64_t alert_id, std::optional<std::int64_t> mark) {
  std::lock_guard lock(mutex_);
  sql::Statement s = db_.prepare("UPDATE alerts SET jsonl_mark = ? WHERE id = ?");
  if (mark)
    s.bind(1, *mark);
  else
    s.bind_null(1);
  s.bind(2, alert_id).run();
}

std::vector<Notification> AlertStore::recent(std::int64_t alert_id, std::size_t limit) {
  std::lock_guard lock(mutex_);
  sql::Statement s = db_.prepare(
      "SELECT id, alert_id, sequence, found, payload FROM hits WHERE alert_id = ? ORDER BY id DESC LIMIT ?");
  s.bind(1, alert_id).bind(2, static_cast<std::int64_t>(limit));
  std::vector<Notification> out;
  while (s.step()) out.push_back(read_notification(s));
  return out;
}

}  // namespace rasd::alerts
