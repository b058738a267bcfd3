// Running the real `rasd` binary (and other commands) from a test: exit code and standard output.
#pragma once

#include <sys/wait.h>

#include <cstdio>
#include <string>

namespace rasd::test {

struct CommandResult {
  int code = -1;  // the exit status, -1 when the command did not exit normally
  std::string out;
};

/// Runs a shell command line and captures its standard output.
inline CommandResult run_command(const std::string& command) {
  CommandResult r;
  FILE* p = ::popen(command.c_str(), "r");
  if (p == nullptr) return r;
  char buf[4096];
  for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) r.out.append(buf, n);
  const int status = ::pclose(p);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

/// `s` quoted for a POSIX shell.
inline std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

/// The command line of the built `rasd` with `args`.
inline std::string rasd_command(const std::string& args) { return std::string(RASD_BINARY) + " " + args; }

}  // namespace rasd::test
