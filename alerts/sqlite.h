// A small RAII layer over the SQLite C API: a connection, prepared statements and transactions.
// Every failure becomes an IndexError naming the file, so callers never check return codes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace rasd::sql {

class Statement;

/// One open SQLite database file (created when missing), closed on destruction.
class Database {
 public:
  explicit Database(const std::string& path);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  /// Runs one or more statements that return no rows.
  void exec(std::string_view sql);
  Statement prepare(std::string_view sql);

  int user_version();
  void set_user_version(int version);
  std::int64_t last_insert_id() const;
  int changes() const;
  const std::string& path() const { return path_; }

  /// Throws IndexError with the connection's last message when `rc` is an error code.
  void check(int rc, std::string_view what) const;

  /// Replaces the whole content of `dest` with this database's, page by page through SQLite's
  /// online backup (sqlite_backup.cc): a consistent copy while other connections keep writing
  /// here, and one that connections to `dest` see at once.
  void copy_to(Database& dest);

 private:
  sqlite3* db_ = nullptr;
  std::string path_;
};

/// A prepared statement: bind parameters (1-based), step through rows, read columns (0-based).
class Statement {
 public:
  Statement(Database& db, sqlite3_stmt* stmt) : db_(&db), stmt_(stmt) {}
  ~Statement();
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&&) = delete;
  Statement(const Statement&) = delete;

  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, std::string_view value);
  Statement& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
  Statement& bind(int index, const std::optional<std::string>& value);
  Statement& bind_null(int index);

  /// Advances to the next row; false when done.
  bool step();
  /// Steps a statement that returns no rows.
  void run();
  void reset();

  std::int64_t int64(int column) const;
  std::string text(int column) const;
  std::optional<std::string> optional_text(int column) const;

 private:
  Database* db_;
  sqlite3_stmt* stmt_;
};

/// BEGIN IMMEDIATE on construction; rolls back on destruction unless commit() was called.
class Transaction {
 public:
  explicit Transaction(Database& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

 private:
  Database& db_;
  bool done_ = false;
};

}  // namespace rasd::sql
