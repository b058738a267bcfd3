#include "indexer/parts.h"

#include "indexer/disk_space.h"

#include <algorithm>
#include <filesystem>

#include <xapian.h>

#include "error/error.h"
#include "index/index_folder.h"
#include "index/schema.h"

namespace rasd {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kPartSuffix = ".part-";
constexpr std::string_view kOlderPartSuffix = ".shard-";  // what earlier rasd versions named them

// "a/b/" and "a/./b" as "a/b": siblings are named after the last component.
fs::path folder(const std::string& dir) { return folder_path(dir); }

// Keeps the newest copy of every id that more than one part wrote.
std::size_t drop_older_copies(const std::string& dir) {
  Xapian::WritableDatabase db(dir, Xapian::DB_OPEN);
  std::vector<Xapian::docid> older;
  const std::string prefix(schema::kId);
  const auto sequence = [&](Xapian::docid d) {
    return schema::sequence_from_value(db.get_document(d).get_value(schema::kSequence));
  };
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
    if (t.get_termfreq() < 2) continue;
    std::vector<Xapian::docid> copies(db.postlist_begin(*t), db.postlist_end(*t));
    const auto newest = std::max_element(copies.begin(), copies.end(),
                                         [&](Xapian::docid a, Xapian::docid b) { return sequence(a) < sequence(b); });
    for (Xapian::docid d : copies)
      if (d != *newest) older.push_back(d);
  }
  for (Xapian::docid d : older) db.delete_document(d);
  if (!older.empty()) db.commit();
  return older.size();
}

}  // namespace

std::string sibling(const std::string& dir, const std::string& suffix) { return folder(dir).string() + suffix; }

std::string part_dir(const std::string& dir, unsigned n) {
  return sibling(dir, std::string(kPartSuffix) + std::to_string(n));
}

std::vector<std::string> leftover_parts(const std::string& dir) {
  const fs::path index = folder(dir);
  const fs::path parent = index.has_parent_path() ? index.parent_path() : fs::path(".");
  const std::string name = index.filename().string();
  const std::string stem = name + std::string(kPartSuffix), older = name + std::string(kOlderPartSuffix);
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(parent, ec)) {
    const std::string f = e.path().filename().string();
    if (e.is_directory() && (f.starts_with(stem) || f.starts_with(older))) out.push_back(e.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::size_t compact_into(const std::string& dir, const std::vector<std::string>& parts, const std::string& out) {
  fs::remove_all(out);
  std::string part = dir;
  try {
    Xapian::Database all(dir);
    for (const std::string& s : parts) {
      part = s;
      all.add_database(Xapian::Database(s));
    }
    part = out;
    all.compact(out);
    const std::size_t dropped = drop_older_copies(out);
    sync_folder(out);
    return dropped;
  } catch (const Xapian::Error& e) {
    fs::remove_all(out);
    const std::string full = disk_full_note(out, e.get_msg() + " " + (e.get_error_string() ? e.get_error_string() : ""));
    if (!full.empty()) throw IndexError("cannot merge the index at '" + dir + "'" + full + " (the index is unchanged)");
    throw IndexError("cannot merge the index at '" + dir + "' (reading or writing '" + part + "'): " + e.get_msg());
  }
}

// One atomic exchange (a reader never finds the folder missing), under the commit gate (a
// backup never copies half of each), then the old copy goes.
void swap_in(const std::string& dir, const std::string& replacement) {
  const fs::path index = folder(dir);
  {
    const CommitGate::Hold gate = CommitGate::acquire(index.string(), CommitGate::Mode::Shared);
    if (fs::exists(index)) {
      exchange_folders(replacement, index.string());
    } else {
      fs::rename(replacement, index);
      return;
    }
  }
  fs::remove_all(replacement);
}

}  // namespace rasd
