// `rasd analyze`: shows what the analyzer makes of a text: tokens, stems, entities, dates.
#include <cmath>
#include <iostream>
#include <iterator>
#include <optional>

#include <CLI/CLI.hpp>
#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "error/error.h"
#include "index/index_reader.h"
#include "index/xapian_adapter.h"
#include "cli/commands.h"
#include "cli/options.h"

namespace rasd::cli {
namespace {

struct AnalyzeArgs {
  std::string text;
  std::string stemmer = "light";
  std::string db;
  std::string gazetteer;
  std::string published;
  bool json = false;
};

void print_json(const Analysis& a, std::string_view text) {
  for (const Token& t : a.tokens) {
    nlohmann::json j = {{"text", text.substr(t.start, t.end - t.start)}, {"start", t.start}, {"end", t.end},
                        {"pos", t.pos}, {"norm", t.norm}, {"stem", t.stem}, {"alts", t.alts}, {"stop", t.stop}};
    std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  }
  for (const EntityMention& e : a.entities) {
    nlohmann::json j = {{"entity", {{"type", to_string(e.type)}, {"id", e.id}, {"label_ar", e.label_ar},
                                    {"label_en", e.label_en}, {"start", e.start}, {"end", e.end},
                                    {"text", text.substr(e.start, e.end - e.start)},
                                    {"source", to_string(e.source)}}}};
    if (e.source == MentionSource::Model) j["entity"]["confidence"] = std::round(double(e.confidence) * 1000) / 1000;
    std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  }
  for (const DateMention& d : a.dates) {
    nlohmann::json j = {{"date", {{"value", d.value}, {"precision", to_string(d.precision)}, {"start", d.start},
                                  {"end", d.end}, {"text", text.substr(d.start, d.end - d.start)}}}};
    std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  }
}

void print_human(const Analysis& a, std::string_view text) {
  for (const Token& t : a.tokens) {
    std::string alts;
    for (const std::string& alt : t.alts) alts += (alts.empty() ? "" : ",") + alt;
    fmt::print("{:>4}  {:>5}-{:<5}  {}  norm={}  stem={}{}{}\n", t.pos, t.start, t.end,
               text.substr(t.start, t.end - t.start), t.norm, t.stem, alts.empty() ? "" : "  alts=" + alts,
               t.stop ? "  stop" : "");
  }
  for (const EntityMention& e : a.entities)
    fmt::print("entity  {:<7} {:<12} {} / {}  {}-{}  {}  {}{}\n", to_string(e.type), e.id, e.label_ar, e.label_en, e.start,
               e.end, text.substr(e.start, e.end - e.start), to_string(e.source),
               e.source == MentionSource::Model ? fmt::format(" {:.3f}", e.confidence) : "");
  for (const DateMention& d : a.dates)
    fmt::print("date    {:<10} {:<5}  {}-{}  {}\n", d.value, to_string(d.precision), d.start, d.end,
               text.substr(d.start, d.end - d.start));
}

int run_analyze(const AnalyzeArgs& args) {
  std::string text = args.text;
  if (text == "-") text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  AnalyzeContext ctx;
  if (!args.published.empty()) ctx.published = args.published;
  std::unique_ptr<Analyzer> analyzer;
  std::optional<IndexReader> index;
  if (!args.db.empty()) {
    index.emplace(args.db);  // the index decides the analyzer settings and supplies statistics
    analyzer = index->make_analyzer(args.gazetteer);
    ctx.stats = &index->stats();
  } else {
    analyzer = make_analyzer({parse_stemmer_kind(args.stemmer), args.gazetteer});
  }
  const Analysis a = analyzer->analyze(text, ctx);
  if (args.json) {
    print_json(a, text);
  } else {
    print_human(a, text);
  }
  return kExitOk;
}

}  // namespace

void add_analyze(CLI::App& app, Run& run) {
  auto args = std::make_shared<AnalyzeArgs>();
  auto* cmd = app.add_subcommand("analyze", "Show tokens, normalised forms, stems, entities and dates of a text");
  cmd->add_option("text", args->text, "The text to analyse ('-' reads standard input)")->required();
  add_json_flag(*cmd, args->json, "One JSON line per token, entity and date");
  cmd->add_option("--stemmer", args->stemmer, "light (default), snowball or none")
      ->check(CLI::IsMember({"light", "snowball", "none"}));
  add_db_option(*cmd, args->db, "Use this index's analyzer settings and statistics", DbNeed::Optional);
  cmd->add_option("--gazetteer", args->gazetteer, "A folder of extra gazetteer entries");
  cmd->add_option("--published", args->published, "Publication date (YYYY-MM-DD) for relative dates");
  cmd->callback([args, &run] { run.exit_code = run_analyze(*args); });
}

}  // namespace rasd::cli
