// `rasd serve` refuses to start open on a network address, and takes secrets from files or the
// environment only.
#include <doctest/doctest.h>

#include <fstream>

#include "tests/support/command.h"
#include "tests/support/temp_dir.h"

using rasd::test::rasd_command;
using rasd::test::run_command;
using rasd::test::shell_quote;

namespace {

// A server that should refuse to start but did not must not hang the test.
std::string bounded(const std::string& command) { return "timeout 20 " + command; }

}  // namespace

TEST_CASE("rasd serve: a non-loopback address without a read token is refused, saying what to add") {
  rasd::test::TempDir dir;
  REQUIRE(run_command(rasd_command("index --db " + shell_quote(dir / "db") + " " +
                                   shell_quote(std::string(RASD_SOURCE_DIR) + "/fixtures/seeds")))
              .code == 0);
  const auto open = run_command(bounded(rasd_command("serve --db " + shell_quote(dir / "db") + " --host 0.0.0.0 --port 0 2>&1")));
  CHECK(open.code == 2);
  CHECK(open.out.find("without a read token") != std::string::npos);
  CHECK(open.out.find("--read-token-file") != std::string::npos);
  CHECK(open.out.find("RASD_READ_TOKEN") != std::string::npos);
  // A token too short to be one is refused too, from the environment as from a file.
  const auto weak = run_command("RASD_READ_TOKEN=short " + bounded(rasd_command("serve --db " + shell_quote(dir / "db") + " --port 0 2>&1")));
  CHECK(weak.code == 2);
  CHECK(weak.out.find("at least 16") != std::string::npos);
  std::ofstream(dir / "same") << "same-token-0123456789\n";
  const auto same = run_command("RASD_WRITE_TOKEN=same-token-0123456789 " +
                                bounded(rasd_command("serve --db " + shell_quote(dir / "db") + " --read-token-file " +
                                                     shell_quote(dir / "same") + " --port 0 2>&1")));
  CHECK(same.code == 2);
  CHECK(same.out.find("the same") != std::string::npos);
  // There is no option that takes a token's value.
  const auto help = run_command(rasd_command("serve --help 2>&1"));
  CHECK(help.out.find("--token ") == std::string::npos);
}
