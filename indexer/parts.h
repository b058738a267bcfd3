// Side indexes ("parts") that a bulk build writes beside the index, one writer thread each
// (Xapian allows one writer per database), and their merge into the index by compaction.
#pragma once

#include <string>
#include <vector>

namespace rasd {

/// A folder beside the index at `dir`: `<dir><suffix>` ("a/db/" + ".old" is "a/db.old").
std::string sibling(const std::string& dir, const std::string& suffix);

/// The folder of side index `n` (n >= 1) of the index at `dir`: a sibling, `<dir>.part-<n>`.
std::string part_dir(const std::string& dir, unsigned n);

/// Side indexes of `dir` left on disk (by a run that was killed before it merged them).
std::vector<std::string> leftover_parts(const std::string& dir);

/// Writes the committed contents of `dir` plus `parts` as one compact index at `out` (Xapian's
/// compaction). Where an id is in more than one part, the copy with the highest ingest sequence
/// stays. `dir` may be open by its writer; nobody may write to the parts. Returns how many
/// older copies went. Throws IndexError naming the folder when a part cannot be read or written.
std::size_t compact_into(const std::string& dir, const std::vector<std::string>& parts, const std::string& out);

/// Puts the index at `replacement` in the place of `dir` (whose writer must be closed).
void swap_in(const std::string& dir, const std::string& replacement);

}  // namespace rasd
