// `key = value` settings files (/etc/rasd/rasd.conf) applied to a subcommand's options: each key
// is a long option without its dashes, an option given on the command line wins over its line,
// and a bad line is refused naming the file, the line and the key.
#pragma once

#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace rasd::cli {

struct ConfigLine {
  std::string key;
  std::string value;
  std::string where;  // "FILE:LINE"
};

/// The settings of `path`: blank lines and lines starting with '#' skipped, `key = value`
/// otherwise (a value may be put in double quotes). Throws InvalidInput naming the file and line.
std::vector<ConfigLine> read_config_file(const std::string& path);

/// Sets the options of `cmd` that the command line left unset from `lines` (run after
/// cmd's command line was parsed). Keys that name no option, secrets, and values an option's
/// check refuses are InvalidInput naming the line.
void apply_config(CLI::App& cmd, const std::vector<ConfigLine>& lines);

}  // namespace rasd::cli
