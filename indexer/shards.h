// Side indexes ("shards") that a bulk build writes beside the index, one writer thread each
// (Xapian allows one writer per database), and their merge into the index by compaction.
#pragma once

#include <string>
#include <vector>

namespace rasd {

/// A folder beside the index at `dir`: `<dir><suffix>` ("a/db/" + ".old" is "a/db.old").
std::string sibling(const std::string& dir, const std::string& suffix);

/// The folder of side index `n` (n >= 1) of the index at `dir`: a sibling, `<dir>.shard-<n>`.
std::string shard_dir(const std::string& dir, unsigned n);

/// Side indexes of `dir` left on disk (by a run that was killed before it merged them).
std::vector<std::string> leftover_shards(const std::string& dir);

/// Writes the committed contents of `dir` plus `shards` as one compact index at `out` (Xapian's
/// compaction). Where an id is in more than one part, the copy with the highest ingest sequence
/// stays. `dir` may be open by its writer; nobody may write to the shards. Returns how many
/// older copies went. Throws IndexError naming the folder when a part cannot be read or written.
std::size_t compact_into(const std::string& dir, const std::vector<std::string>& shards, const std::string& out);

/// Puts the index at `replacement` in the place of `dir` (whose writer must be closed).
void swap_in(const std::string& dir, const std::string& replacement);

}  // namespace rasd
