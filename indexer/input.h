// Finding the inputs of an indexing run: files under the paths given (directories
// recursively), their bytes (gzip transparently) and the format each is read as.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace rasd {

/// The formats rasd reads.
enum class Format { Auto, Txt, Html, Jsonl, Trec };

const char* to_string(Format format);
Format parse_format(const std::string& name);  // throws InvalidInput on other names

/// One file to read, with the folder its id is relative to.
struct InputFile {
  std::string path;      // as opened ("-" for standard input)
  std::string relative;  // path relative to the folder given (or the file name), for ids
  std::uint64_t size = 0;  // bytes on disk (compressed size for .gz)
};

/// Every regular file under `paths` (directories recursively, hidden entries skipped),
/// sorted within each directory. Throws InvalidInput for a path that does not exist.
std::vector<InputFile> list_inputs(const std::vector<std::string>& paths);

/// The bytes of `file`, gunzipped when they are gzip ("-" reads standard input).
/// Throws InvalidInput when the file cannot be read.
std::string read_input_bytes(const InputFile& file);

/// `relative` without its format extensions (".txt", ".html.gz", ...): the default id.
std::string id_from_relative_path(const std::string& relative);

/// The format of `file` from its extension, then its first bytes; `forced` wins when not Auto.
Format detect_format(const InputFile& file, const std::string& bytes, Format forced);

}  // namespace rasd
