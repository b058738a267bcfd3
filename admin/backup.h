// Backups of a live index and its alerts store, and their restore. A backup is a folder:
// index/ (the Xapian files of one committed revision, copied under the commit gate while
// writers keep adding), alerts.sqlite (SQLite's online backup) and backup.json (the manifest:
// what revision, how many documents, up to which ingest sequence).
#pragma once

#include <cstdint>
#include <string>

namespace rasd {

/// What a backup holds (backup.json).
struct BackupManifest {
  std::string created;            // ISO time
  std::string rasd_version;
  std::uint32_t revision = 0;     // the index's committed revision the copy is
  std::uint32_t documents = 0;    // documents at that revision
  std::uint64_t next_sequence = 0;  // ingest sequence after the last document at that revision
  std::string analyzer;           // Analyzer::name() recorded in the index
  std::uint64_t index_bytes = 0;
  double writer_pause_seconds = 0;  // how long commits waited for the copy
  bool has_alerts = false;
  int alerts_schema = 0;
  std::size_t alerts = 0;
  std::string source_db;          // where it was taken from
  std::string source_alerts;
};

struct BackupOptions {
  std::string db_dir;
  std::string alerts_file;  // "" for none
  std::string out;          // the backup folder; must not exist
  bool check = true;        // run Xapian's consistency check on the copy
  std::string rasd_version;
};

/// Takes a backup into options.out (written as out + ".partial", renamed when complete, so a
/// backup folder that exists is whole). Throws NotFound, InvalidInput or IndexError.
BackupManifest backup(const BackupOptions& options);

/// The manifest of the backup at `dir`, checked against its index (revision and documents);
/// throws InvalidInput naming the file when it does not match.
BackupManifest verify_backup(const std::string& dir, bool check_tables);

struct RestoreOptions {
  std::string backup_dir;
  std::string db_dir;
  std::string alerts_file;  // "" leaves the alerts alone
  bool replace = false;     // replace an existing index (atomically); else it must not exist
};

/// Restores a verified backup: the index is copied beside db_dir and exchanged into place in
/// one step (a server searching it goes on, on the restored index); the alerts are written into
/// the alerts file through SQLite. Throws IndexError when a writer holds the index.
BackupManifest restore(const RestoreOptions& options);

}  // namespace rasd
