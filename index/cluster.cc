#include "index/cluster.h"

#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "error/error.h"
#include "index/hash.h"

namespace rasd {
namespace {

// A commit of a big batch may keep a write server busy for a while: writes get a long timeout
// (a dead server still fails at once, its connection refused or reset).
constexpr unsigned kWriteTimeoutMs = 120000;
constexpr auto kRetryEvery = std::chrono::seconds(1);

[[noreturn]] void bad(const std::string& file, const std::string& what) {
  throw InvalidInput("cluster file '" + file + "': " + what);
}

void check_endpoint(const std::string& file, const std::string& field, const std::string& endpoint) {
  const std::size_t colon = endpoint.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == endpoint.size())
    bad(file, field + " is '" + endpoint + "', not host:port");
  const std::string port = endpoint.substr(colon + 1);
  if (port.find_first_not_of("0123456789") != std::string::npos || port.size() > 5 || std::stoul(port) == 0 ||
      std::stoul(port) > 65535)
    bad(file, field + " has port '" + port + "', not a number from 1 to 65535");
}

std::pair<std::string, unsigned> split_endpoint(const std::string& endpoint) {
  const std::size_t colon = endpoint.rfind(':');
  if (colon == std::string::npos) throw InvalidInput("'" + endpoint + "' is not host:port");
  return {endpoint.substr(0, colon), static_cast<unsigned>(std::stoul(endpoint.substr(colon + 1)))};
}

}  // namespace

bool is_cluster_file(const std::string& path) {
  std::error_code ec;
  return std::filesystem::is_regular_file(path, ec);
}

ClusterSpec read_cluster_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) bad(path, "cannot be read");
  std::stringstream text;
  text << in.rdbuf();
  const nlohmann::json j = nlohmann::json::parse(text.str(), nullptr, false);
  if (j.is_discarded()) bad(path, "is not JSON");
  if (!j.is_object()) bad(path, "is not a JSON object with \"shards\"");
  for (const auto& [key, value] : j.items())
    if (key != "shards" && key != "timeout_ms") bad(path, "unknown field '" + key + "' (known: shards, timeout_ms)");
  ClusterSpec spec;
  spec.file = path;
  if (j.contains("timeout_ms")) {
    const auto& t = j["timeout_ms"];
    if (!t.is_number_unsigned() || t.get<std::uint64_t>() == 0 || t.get<std::uint64_t>() > 600000)
      bad(path, "timeout_ms must be a whole number of milliseconds from 1 to 600000");
    spec.timeout_ms = t.get<unsigned>();
  }
  if (!j.contains("shards") || !j["shards"].is_array() || j["shards"].empty())
    bad(path, "\"shards\" must be a non-empty list");
  for (std::size_t n = 0; n < j["shards"].size(); ++n) {
    const auto& s = j["shards"][n];
    const std::string at = "shards[" + std::to_string(n) + "]";
    if (!s.is_object()) bad(path, at + " is not an object with \"write\" and \"search\"");
    for (const auto& [key, value] : s.items())
      if (key != "write" && key != "search") bad(path, at + " has unknown field '" + key + "' (known: write, search)");
    ShardSpec shard;
    if (!s.contains("write") || !s["write"].is_string()) bad(path, at + ".write must be \"host:port\"");
    shard.write = s["write"].get<std::string>();
    check_endpoint(path, at + ".write", shard.write);
    if (!s.contains("search") || !s["search"].is_array() || s["search"].empty())
      bad(path, at + ".search must be a non-empty list of \"host:port\"");
    for (std::size_t k = 0; k < s["search"].size(); ++k) {
      const auto& e = s["search"][k];
      const std::string field = at + ".search[" + std::to_string(k) + "]";
      if (!e.is_string()) bad(path, field + " must be \"host:port\"");
      shard.search.push_back(e.get<std::string>());
      check_endpoint(path, field, shard.search.back());
    }
    spec.shards.push_back(std::move(shard));
  }
  return spec;
}

std::size_t shard_of(std::string_view id_term, std::size_t shards) {
  return shards <= 1 ? 0 : static_cast<std::size_t>(hash64(id_term, 0x72617364 /* "rasd" */) % shards);
}

std::string shard_name(std::size_t shard, const std::string& endpoint) {
  return "shard " + std::to_string(shard) + " (" + endpoint + ")";
}

Xapian::Database open_remote(const std::string& endpoint, unsigned timeout_ms) {
  const auto [host, port] = split_endpoint(endpoint);
  return Xapian::Remote::open(host, port, timeout_ms, timeout_ms);
}

Xapian::WritableDatabase open_remote_writable(const std::string& endpoint, unsigned timeout_ms) {
  const auto [host, port] = split_endpoint(endpoint);
  return Xapian::Remote::open_writable(host, port, kWriteTimeoutMs, timeout_ms);
}

ClusterSnapshot open_cluster_snapshot(const std::string& file) {
  const ShardSet shards(read_cluster_file(file));
  return {shards.db(), shards.failed()};
}

// What the background probe and the searches share: which shards to try (how many of their
// servers, from the first) and what answered.
struct ShardSet::Probe {
  std::mutex mutex;
  std::condition_variable wake;
  bool stop = false;
  std::vector<std::size_t> want;  // per shard: try servers [0, want); 0: nothing to try
  std::vector<std::optional<std::pair<Xapian::Database, std::size_t>>> found;
  std::thread thread;
};

ShardSet::ShardSet(ClusterSpec spec) : spec_(std::move(spec)), shards_(spec_.shards.size()) {
  for (std::size_t n = 0; n < shards_.size(); ++n) connect(n);
  combine();
  watch();
}

ShardSet::~ShardSet() {
  if (!probe_) return;
  {
    std::lock_guard lock(probe_->mutex);
    probe_->stop = true;
  }
  probe_->wake.notify_all();
  if (probe_->thread.joinable()) probe_->thread.join();  // a probe under way ends within the timeout
}

bool ShardSet::connect(std::size_t n, std::size_t from) {
  Shard& s = shards_[n];
  s.db.reset();
  const auto& servers = spec_.shards[n].search;
  for (std::size_t k = from; k < servers.size(); ++k) {
    try {
      Xapian::Database db = open_remote(servers[k], spec_.timeout_ms);
      db.get_doccount();  // answers at all
      s.db = std::move(db);
      s.server = k;
      return true;
    } catch (const Xapian::Error&) {
      // next server
    }
  }
  return false;
}

void ShardSet::combine() {
  Xapian::Database all;
  bool any = false;
  for (const Shard& s : shards_)
    if (s.db) {
      all.add_database(*s.db);
      any = true;
    }
  if (!any) {
    std::string names;
    for (std::size_t n = 0; n < shards_.size(); ++n)
      names += (n ? ", " : "") + shard_name(n, spec_.shards[n].search.front());
    throw IndexError("no shard of the cluster in '" + spec_.file + "' answers within " + std::to_string(spec_.timeout_ms) +
                     " ms: " + names);
  }
  combined_ = all;
}

std::vector<std::pair<std::size_t, Xapian::Database>> ShardSet::live() const {
  std::vector<std::pair<std::size_t, Xapian::Database>> out;
  for (std::size_t n = 0; n < shards_.size(); ++n)
    if (shards_[n].db) out.emplace_back(n, *shards_[n].db);
  return out;
}

std::vector<std::string> ShardSet::failed() const {
  std::vector<std::string> out;
  for (std::size_t n = 0; n < shards_.size(); ++n)
    if (!shards_[n].db) out.push_back(shard_name(n, spec_.shards[n].search.front()));
  return out;
}

std::vector<ShardState> ShardSet::states() const {
  std::vector<ShardState> out;
  for (std::size_t n = 0; n < shards_.size(); ++n) {
    const Shard& s = shards_[n];
    ShardState st;
    st.name = shard_name(n, spec_.shards[n].search.front());
    if (s.db) {
      st.server = spec_.shards[n].search[s.server];
      st.replica = s.server != 0;
      st.documents = s.db->get_doccount();
    }
    out.push_back(std::move(st));
  }
  return out;
}

void ShardSet::server_failed(const std::string& context) {
  // Xapian names a remote server "remote:tcp(host:port)".
  const std::size_t open = context.find("tcp(");
  const std::size_t close = open == std::string::npos ? open : context.find(')', open);
  const std::string endpoint = close == std::string::npos ? std::string() : context.substr(open + 4, close - open - 4);
  for (std::size_t n = 0; n < shards_.size() && !endpoint.empty(); ++n) {
    Shard& s = shards_[n];
    if (!s.db || spec_.shards[n].search[s.server] != endpoint) continue;
    connect(n, s.server + 1);  // its next server (a replica), or left out
    combine();
    watch();
    return;
  }
  reconnect();
}

void ShardSet::reconnect() {
  for (std::size_t n = 0; n < shards_.size(); ++n) connect(n);
  combine();
  watch();
}

void ShardSet::watch() {
  std::vector<std::size_t> want(shards_.size());
  bool any = false;
  for (std::size_t n = 0; n < shards_.size(); ++n) {
    want[n] = shards_[n].db ? shards_[n].server : spec_.shards[n].search.size();
    any = any || want[n] > 0;
  }
  if (!probe_ && !any) return;
  if (!probe_) {
    probe_ = std::make_unique<Probe>();
    probe_->found.resize(shards_.size());
    probe_->want = std::move(want);
    probe_->thread = std::thread([this] { probe_loop(); });
    return;
  }
  std::lock_guard lock(probe_->mutex);
  for (std::size_t n = 0; n < want.size(); ++n)
    if (!probe_->found[n]) probe_->want[n] = want[n];
}

void ShardSet::probe_loop() {
  std::unique_lock lock(probe_->mutex);
  while (!probe_->wake.wait_for(lock, kRetryEvery, [&] { return probe_->stop; })) {
    const std::vector<std::size_t> want = probe_->want;
    lock.unlock();
    for (std::size_t n = 0; n < want.size(); ++n) {
      for (std::size_t k = 0; k < want[n]; ++k) {
        try {
          Xapian::Database db = open_remote(spec_.shards[n].search[k], spec_.timeout_ms);
          db.get_doccount();
          std::lock_guard found(probe_->mutex);
          probe_->found[n].emplace(std::move(db), k);
          probe_->want[n] = 0;  // until the searches take it in
          break;
        } catch (const Xapian::Error&) {
          // still out
        }
      }
    }
    lock.lock();
  }
}

bool ShardSet::retry_due() {
  if (!probe_) return false;
  bool changed = false;
  {
    std::lock_guard lock(probe_->mutex);
    for (std::size_t n = 0; n < shards_.size(); ++n) {
      auto& found = probe_->found[n];
      if (!found) continue;
      shards_[n].db = std::move(found->first);
      shards_[n].server = found->second;
      found.reset();
      changed = true;
    }
  }
  if (!changed) return false;
  combine();
  watch();
  return true;
}

}  // namespace rasd
