#include "cli/config_file.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <set>

#include <CLI/CLI.hpp>

#include "error/error.h"

namespace rasd::cli {
namespace {

// Settings that belong on the command line only.
const std::set<std::string> kCommandLineOnly = {"config", "check-config", "help", "version"};
// Names under which people put secrets; rasd reads secrets from files or the environment only,
// so that they never sit in a world-readable settings file or in `ps`.
const std::set<std::string> kSecretNames = {"token", "password", "secret", "api-key", "ingest-token"};

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

bool valid_key(const std::string& k) {
  return !k.empty() && std::all_of(k.begin(), k.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  });
}

}  // namespace

std::vector<ConfigLine> read_config_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw InvalidInput("cannot read the config file " + path);
  std::vector<ConfigLine> out;
  std::string raw;
  for (int n = 1; std::getline(in, raw); ++n) {
    const std::string line = trim(raw);
    if (line.empty() || line[0] == '#') continue;
    const std::string where = path + ":" + std::to_string(n);
    const auto eq = line.find('=');
    if (eq == std::string::npos) throw InvalidInput(where + ": expected 'key = value', got '" + line.substr(0, 80) + "'");
    std::string key = trim(line.substr(0, eq));
    std::replace(key.begin(), key.end(), '_', '-');
    if (!valid_key(key)) throw InvalidInput(where + ": '" + key + "' is not a setting name (lower-case letters, digits, '-')");
    std::string value = trim(line.substr(eq + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
    out.push_back({key, value, where});
  }
  return out;
}

void apply_config(CLI::App& cmd, const std::vector<ConfigLine>& lines) {
  std::map<CLI::Option*, const ConfigLine*> touched;  // options set here, with their first line
  for (const ConfigLine& l : lines) {
    if (kCommandLineOnly.count(l.key)) throw InvalidInput(l.where + ": '" + l.key + "' belongs on the command line");
    if (kSecretNames.count(l.key))
      throw InvalidInput(l.where + ": secrets are not read from the config file: put the secret in a file only " +
                         "rasd can read and name it (token-file = PATH), or pass it in the environment");
    CLI::Option* opt = cmd.get_option_no_throw("--" + l.key);
    if (!opt)
      throw InvalidInput(l.where + ": unknown setting '" + l.key + "' (settings are the long options of rasd " +
                         cmd.get_name() + ", see rasd " + cmd.get_name() + " --help)");
    const bool from_here = touched.count(opt) > 0;
    if (!from_here && opt->count() > 0) continue;  // given on the command line: it wins
    if (from_here && opt->get_items_expected_max() <= 1 && opt->get_expected_max() <= 1)
      throw InvalidInput(l.where + ": '" + l.key + "' is set twice (first at " + touched[opt]->where + ")");
    touched.emplace(opt, &l);
    opt->add_result(l.value);
  }
  for (auto& [opt, line] : touched) {
    try {
      opt->run_callback();
    } catch (const CLI::Error& e) {
      throw InvalidInput(line->where + ": " + line->key + " = " + line->value + ": " + e.what());
    }
  }
}

}  // namespace rasd::cli
