// A rasd cluster: shards served by stock xapian-tcpsrv (docs/CLUSTER.md). The cluster file names
// each shard's write server and its search servers (the one on the shard's folder first, then
// replicas); the order of the shards is part of the routing. Reading opens every shard on its
// own with a timeout, so that a dead one is left out (or replaced by a replica) instead of
// failing the whole database.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace rasd {

/// One shard of the cluster file.
struct ShardSpec {
  std::string write;                // host:port of `xapian-tcpsrv --writable`
  std::vector<std::string> search;  // host:port of read-only servers, in the order to try
};

/// A cluster file, read and checked.
struct ClusterSpec {
  std::string file;
  std::vector<ShardSpec> shards;
  unsigned timeout_ms = 2000;  // a shard that does not answer within it is left out
};

/// Whether `path` names a cluster file rather than an index folder: a regular file.
bool is_cluster_file(const std::string& path);

/// Reads a cluster file. Throws InvalidInput naming the file and the field that is wrong.
ClusterSpec read_cluster_file(const std::string& path);

/// The shard (0-based) that holds the document with id term `id_term`: a stable hash, so that
/// a replace or a delete goes where the old copy is.
std::size_t shard_of(std::string_view id_term, std::size_t shards);

/// A shard's name in messages: "shard 2 (10.0.0.3:7000)".
std::string shard_name(std::size_t shard, const std::string& endpoint);

/// Opens `host:port` for reading or writing (Xapian's remote backend) with `timeout_ms` for
/// every answer. Throws Xapian::NetworkError (or InvalidInput for a malformed endpoint).
Xapian::Database open_remote(const std::string& endpoint, unsigned timeout_ms);
Xapian::WritableDatabase open_remote_writable(const std::string& endpoint, unsigned timeout_ms);

/// The live shards of the cluster in `file` combined for reading (the writer's snapshot of
/// what is committed), and the shards left out (shard_name() strings). Throws IndexError when
/// no shard answers.
struct ClusterSnapshot {
  Xapian::Database db;
  std::vector<std::string> failed;
};
ClusterSnapshot open_cluster_snapshot(const std::string& file);

/// A shard as a search sees it: the server it is read from ("" when it is out), whether that
/// is a replica (not the first server listed), and its documents (0 when out).
struct ShardState {
  std::string name, server;
  bool replica = false;
  Xapian::doccount documents = 0;
};

/// The search side of a cluster: one connection per shard, to the first of its search servers
/// that answers, combined into one Xapian database (one match with global statistics).
class ShardSet {
 public:
  /// Connects every shard. Throws IndexError when no shard answers.
  explicit ShardSet(ClusterSpec spec);
  ~ShardSet();
  ShardSet(const ShardSet&) = delete;
  ShardSet& operator=(const ShardSet&) = delete;

  const ClusterSpec& spec() const { return spec_; }
  /// The live shards combined, in cluster order.
  const Xapian::Database& db() const { return combined_; }
  /// The live shard databases one by one (for what Xapian reads from the first shard only,
  /// such as metadata), with their shard numbers.
  std::vector<std::pair<std::size_t, Xapian::Database>> live() const;

  /// Shards that are left out, as shard_name() strings; empty when the answer is whole.
  std::vector<std::string> failed() const;
  /// Each shard's state (ShardState).
  std::vector<ShardState> states() const;

  /// After a network error from the combined database whose context names a server ("remote:
  /// tcp(host:port)", as Xapian gives it): that server's shard goes to its next server, or is
  /// left out, without waiting on the others again. With no server named, every shard is
  /// connected again. Docids of earlier answers may now name other documents. Throws
  /// IndexError when no shard answers.
  void server_failed(const std::string& context);

  /// Takes in the shards that answer again. A background probe tries, once a second, the
  /// shards that are out or served by a replica (their better servers, with the cluster's
  /// timeout), off the searches' path: a silent server never holds a search up twice. Returns
  /// true when the set changed.
  bool retry_due();

 private:
  struct Shard {
    std::optional<Xapian::Database> db;
    std::size_t server = 0;  // index into search of the server db talks to
  };
  struct Probe;
  /// Connects every shard again (one that fails is left out, or replaced by its next server).
  /// Throws IndexError when no shard answers.
  void reconnect();
  /// Connects shard `n` to the first of its servers from `from` on that answers; false when
  /// none does.
  bool connect(std::size_t n, std::size_t from = 0);
  void combine();
  /// Tells the probe which shards to try (starting it the first time one is out).
  void watch();
  void probe_loop();

  ClusterSpec spec_;
  std::vector<Shard> shards_;
  Xapian::Database combined_;
  std::unique_ptr<Probe> probe_;
};

}  // namespace rasd
