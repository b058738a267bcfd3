#include "admin/backup.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include <xapian.h>

#include "admin/manifest.h"
#include "alerts/store_copy.h"
#include "error/error.h"
#include "index/index_folder.h"
#include "index/schema.h"
#include "indexer/iso_date.h"

namespace rasd {
namespace fs = std::filesystem;
namespace {

constexpr const char* kVersionFile = "iamglass";  // names the revision and the tables' roots
constexpr const char* kLockFile = "flintlock";    // Xapian's write lock: not part of the data
constexpr const char* kManifest = "backup.json";
constexpr const char* kIndexFolder = "index";
constexpr const char* kAlertsFile = "alerts.sqlite";

// The version file first: the tables copied after it hold every block of its revision, since
// no commit runs while the gate is held.
std::uint64_t copy_index_files(const fs::path& from, const fs::path& to) {
  if (!fs::is_regular_file(from / kVersionFile))
    throw IndexError("'" + from.string() + "' is not a Xapian glass index (it has no " + kVersionFile + ")");
  fs::create_directories(to);
  std::uint64_t bytes = 0;
  const auto copy = [&](const fs::path& file) {
    fs::copy_file(file, to / file.filename());
    bytes += fs::file_size(file);
  };
  copy(from / kVersionFile);
  for (const auto& e : fs::directory_iterator(from)) {
    const std::string name = e.path().filename().string();
    if (e.is_regular_file() && name != kVersionFile && name != kLockFile) copy(e.path());
  }
  sync_folder(to.string());
  return bytes;
}

// Reads what the index says about itself at the revision `db` holds.
void describe(const Xapian::Database& db, BackupManifest& m) {
  m.revision = db.get_revision();
  m.documents = db.get_doccount();
  const std::string next = db.get_metadata(std::string(schema::kMetaNextSequence));
  m.next_sequence = next.empty() ? 0 : std::stoull(next);
  m.analyzer = db.get_metadata(std::string(schema::kMetaAnalyzer));
}

// Xapian's own check of every table (what xapian-check does); throws with its report.
void check_tables(const std::string& dir) {
  std::ostringstream report;
  const std::size_t errors = Xapian::Database::check(dir, 0, &report);
  if (errors > 0)
    throw IndexError("the index copy at '" + dir + "' fails Xapian's check (" + std::to_string(errors) +
                     " errors): " + report.str().substr(0, 400));
}

void write_file(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  out.flush();
  if (!out) throw IndexError("cannot write " + path.string());
}

}  // namespace

BackupManifest backup(const BackupOptions& o) {
  if (fs::exists(o.out)) throw InvalidInput("the backup folder '" + o.out + "' exists already: give a new one");
  if (!fs::is_directory(o.db_dir)) throw NotFound("no index at '" + o.db_dir + "'");
  const fs::path out(folder_path(o.out));
  const fs::path partial = out.string() + ".partial";
  BackupManifest m;
  m.created = now_iso();
  m.rasd_version = o.rasd_version;
  m.source_db = fs::absolute(o.db_dir).lexically_normal().string();
  fs::remove_all(partial);
  fs::create_directories(partial);
  try {
    {
      const auto start = std::chrono::steady_clock::now();
      const CommitGate::Hold gate = CommitGate::acquire(o.db_dir, CommitGate::Mode::Exclusive);
      describe(Xapian::Database(o.db_dir), m);
      m.index_bytes = copy_index_files(o.db_dir, partial / kIndexFolder);
      m.writer_pause_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    }
    BackupManifest copied;
    describe(Xapian::Database((partial / kIndexFolder).string()), copied);
    if (copied.revision != m.revision || copied.documents != m.documents)
      throw IndexError("the copy of '" + o.db_dir + "' changed while it was taken (revision " +
                       std::to_string(m.revision) + " became " + std::to_string(copied.revision) +
                       "): a writer that does not use rasd's commit gate wrote to it; try again");
    if (o.check) check_tables((partial / kIndexFolder).string());
    if (!o.alerts_file.empty()) {
      const alerts::StoreSummary s = alerts::copy_store(o.alerts_file, (partial / kAlertsFile).string());
      m.has_alerts = true;
      m.alerts_schema = s.schema_version;
      m.alerts = s.alerts;
      m.source_alerts = fs::absolute(o.alerts_file).lexically_normal().string();
    }
    write_file(partial / kManifest, manifest_json(m));
    sync_folder(partial.string());
    fs::rename(partial, out);
    sync_folder(out.parent_path().empty() ? "." : out.parent_path().string());
  } catch (...) {
    std::error_code ec;
    fs::remove_all(partial, ec);
    throw;
  }
  return m;
}

BackupManifest verify_backup(const std::string& dir, bool check) {
  const fs::path root(dir);
  const BackupManifest m = read_manifest((root / kManifest).string());
  const std::string index = (root / kIndexFolder).string();
  BackupManifest found;
  try {
    describe(Xapian::Database(index), found);
  } catch (const Xapian::Error& e) {
    throw InvalidInput("the backup at '" + dir + "' has no readable index: " + e.get_msg());
  }
  if (found.revision != m.revision || found.documents != m.documents)
    throw InvalidInput("the backup at '" + dir + "' does not match its manifest: the index is revision " +
                       std::to_string(found.revision) + " with " + std::to_string(found.documents) +
                       " documents, backup.json names revision " + std::to_string(m.revision) + " with " +
                       std::to_string(m.documents));
  if (check) check_tables(index);
  if (m.has_alerts) alerts::inspect_store((root / kAlertsFile).string());
  return m;
}

}  // namespace rasd

namespace rasd {

BackupManifest restore(const RestoreOptions& o) {
  const BackupManifest m = verify_backup(o.backup_dir, true);
  if (!o.alerts_file.empty() && !m.has_alerts)
    throw InvalidInput("the backup at '" + o.backup_dir + "' holds no alerts file (it was taken without --alerts)");
  if (!o.alerts_file.empty() && fs::exists(o.alerts_file) && !o.replace)
    throw InvalidInput("an alerts file exists at '" + o.alerts_file + "': give --replace to replace its content");
  const fs::path target(folder_path(o.db_dir));
  const bool exists = fs::exists(target);
  if (exists && !o.replace)
    throw InvalidInput("an index exists at '" + target.string() + "': give --replace to exchange it for the backup");
  const fs::path staging = target.string() + ".restoring";
  fs::remove_all(staging);
  try {
    copy_index_files(fs::path(o.backup_dir) / kIndexFolder, staging);
    if (!exists) {
      fs::rename(staging, target);
    } else {
      // Holding the write lock keeps writers out: a commit after the exchange would land in the
      // replaced folder and be lost.
      std::optional<Xapian::WritableDatabase> lock;
      try {
        lock.emplace(target.string(), Xapian::DB_OPEN);
      } catch (const Xapian::DatabaseLockError&) {
        throw IndexError("the index at '" + target.string() + "' is being written (rasd index, or ingest through " +
                         "rasd serve): stop the writer and restore again");
      }
      {
        const CommitGate::Hold gate = CommitGate::acquire(target.string(), CommitGate::Mode::Shared);
        exchange_folders(staging.string(), target.string());
      }
      lock.reset();
      fs::remove_all(staging);  // now the replaced index
    }
  } catch (const Xapian::Error& e) {
    throw IndexError("cannot restore into '" + target.string() + "': " + e.get_msg());
  }
  if (!o.alerts_file.empty())
    alerts::restore_store((fs::path(o.backup_dir) / kAlertsFile).string(), o.alerts_file);
  return m;
}

}  // namespace rasd
