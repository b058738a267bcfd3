// `rasd show`: one stored document: metadata, cleaned text, entities and dates with spans.
#include <iostream>

#include <CLI/CLI.hpp>
#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "error/error.h"
#include "index/copies.h"
#include "index/index_reader.h"
#include "cli/commands.h"
#include "cli/options.h"

namespace rasd::cli {
namespace {

struct ShowArgs {
  std::string db;
  std::string id;
  bool json = false;
};

std::string text_of(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return "";
  return it->is_string() ? it->get<std::string>() : it->dump();
}

void print_human(const nlohmann::json& d) {
  fmt::print("id:        {}\n", text_of(d, "id"));
  fmt::print("title:     {}\n", text_of(d, "title"));
  fmt::print("source:    {}\n", text_of(d, "source"));
  fmt::print("url:       {}\n", text_of(d, "url"));
  fmt::print("published: {}\n", text_of(d, "published"));
  fmt::print("lang:      {}\n", text_of(d, "lang"));
  fmt::print("sequence:  {}\n", text_of(d, "seq"));
  if (d.contains("extra") && !d["extra"].empty()) fmt::print("extra:     {}\n", d["extra"].dump());
  fmt::print("\n{}\n", text_of(d, "text"));
  if (d.contains("entities") && !d["entities"].empty()) {
    fmt::print("\nentities:\n");
    for (const auto& e : d["entities"])
      fmt::print("  {:<7} {:<14} {} / {}  {} {}-{}  {}\n", text_of(e, "type"), text_of(e, "id"), text_of(e, "label_ar"),
                 text_of(e, "label_en"), text_of(e, "field"), text_of(e, "start"), text_of(e, "end"), text_of(e, "text"));
  }
  if (d.contains("copies") && !d["copies"].empty()) {
    fmt::print("\ncopies ({} more of the same report):\n", d["copies"].size());
    for (const auto& c : d["copies"])
      fmt::print("  {:<12} {:<10}  {}  {}\n", text_of(c, "source"), text_of(c, "published").substr(0, 10), text_of(c, "id"),
                 text_of(c, "title"));
  }
  if (d.contains("dates") && !d["dates"].empty()) {
    fmt::print("\ndates:\n");
    for (const auto& e : d["dates"])
      fmt::print("  {:<10} {:<5}  {} {}-{}  {}\n", text_of(e, "value"), text_of(e, "precision"), text_of(e, "field"),
                 text_of(e, "start"), text_of(e, "end"), text_of(e, "text"));
  }
}

int run_show(const ShowArgs& args) {
  const IndexReader reader(args.db);
  const std::optional<std::string> data = stored_document(reader, args.id);
  if (!data) throw NotFound("no document with id '" + args.id + "' in '" + args.db + "'");
  nlohmann::json doc = nlohmann::json::parse(*data);
  doc["copies"] = copies_json(stored_copies(reader.db(), args.id));  // the other members of its cluster
  if (args.json) {
    std::cout << doc.dump() << '\n';
    return kExitOk;
  }
  print_human(doc);
  return kExitOk;
}

}  // namespace

void add_show(CLI::App& app, Run& run) {
  auto args = std::make_shared<ShowArgs>();
  auto* cmd = app.add_subcommand("show", "Show a stored document: metadata, cleaned text, entities and dates");
  add_db_option(*cmd, args->db, "The index folder", DbNeed::Required, ClusterUse::Yes);
  cmd->add_option("id", args->id, "The document id")->required();
  add_json_flag(*cmd, args->json, "Print the stored JSON");
  cmd->callback([args, &run] { run.exit_code = run_show(*args); });
}

}  // namespace rasd::cli
