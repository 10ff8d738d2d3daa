// opis: the command-line front end (DESIGN.md §3).
#include <opis/plugin.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <exception>

#include "commands.hpp"
#include "opis/core/error.hpp"
#include "opis/core/logging.hpp"

namespace {

constexpr const char* kVersionLine =
    "opis " OPIS_VERSION
    " (plugin ABI " OPIS_STRINGIFY(OPIS_ABI_MAJOR) "." OPIS_STRINGIFY(OPIS_ABI_MINOR) ")";

}  // namespace

int main(int argc, char** argv) {
  using namespace opis;
  CLI::App app{"opis: archival documents in, clean enriched records out.", "opis"};
  app.set_version_flag("--version", kVersionLine);
  app.require_subcommand(1);
  app.fallthrough();

  cli::GlobalOptions global;
  std::string log_format = "human";
  std::string log_level = "info";
  app.add_option("--plugin-path", global.plugin_path,
                 "Extra plugin directories, colon-separated, searched before the built-in ones "
                 "(also: OPIS_PLUGIN_PATH)");
  app.add_option("--log-format", log_format, "Log format on stderr: human or json")
      ->capture_default_str();
  app.add_option("--log-level", log_level, "trace, debug, info, warn, error or off")
      ->capture_default_str();

  cli::RunOptions run;
  auto* run_cmd = app.add_subcommand("run", "Process files, directories or - (stdin) in batch");
  run_cmd->add_option("--pipeline", run.pipeline,
                      "Pipeline file (YAML); default: the built-in default pipeline");
  run_cmd->add_option("--out", run.out_dir, "Output directory, ${out} in pipelines")
      ->capture_default_str();
  run_cmd->add_option("--workers", run.workers, "Worker threads (default: one per core)");
  run_cmd->add_flag("!--no-progress", run.progress, "Do not draw the progress bar");
  run_cmd->add_option("inputs", run.inputs, "Files, directories (recursive) or - for stdin")
      ->required();

  cli::ServeOptions serve;
  auto* serve_cmd = app.add_subcommand(
      "serve", "Run the daemon: the gRPC ArchiveService (default listen 127.0.0.1:50051)");
  serve_cmd->add_option("--config", serve.config, "Daemon config file (YAML); see core/README.md");
  serve_cmd->add_option("--listen", serve.listen,
                        "Listen address (HOST:PORT or unix:PATH); repeatable; replaces the "
                        "config's list");

  auto* plugins_cmd = app.add_subcommand("plugins", "List, inspect or create plugins");
  plugins_cmd->require_subcommand(1);
  bool list_json = false;
  auto* list_cmd = plugins_cmd->add_subcommand("list", "Every plugin on the search path");
  list_cmd->add_flag("--json", list_json, "Print JSON");
  bool inspect_json = false;
  std::string inspect_target;
  auto* inspect_cmd = plugins_cmd->add_subcommand(
      "inspect", "A plugin's metadata and config schema, read without loading it");
  inspect_cmd->add_option("plugin", inspect_target, "A plugin file, or a name on the search path")
      ->required();
  inspect_cmd->add_flag("--json", inspect_json, "Print JSON");
  cli::PluginsNewOptions new_plugin;
  auto* new_cmd = cli::add_plugins_new_options(*plugins_cmd, new_plugin);

  cli::SearchOptions search;
  auto* search_cmd =
      app.add_subcommand("search", "Full-text and field search over an archive (archive.sqlite)");
  search_cmd->add_option("--db", search.db, "The archive written by the sqlite output")
      ->capture_default_str();
  search_cmd->add_option("--person", search.person,
                         "Records naming this person, by any spelling of the same canonical name");
  search_cmd->add_option("--from", search.from, "Records dated on or after this EDTF date");
  search_cmd->add_option("--to", search.to, "Records dated on or before this EDTF date");
  search_cmd->add_option("--archive", search.archive, "Records citing this archive (e.g. RGANI)");
  search_cmd->add_option("--kind", search.kind,
                         "Records of this kind (record, listing_entry, ...)");
  search_cmd->add_option("--limit", search.limit, "Hits to show (at most 1000)")
      ->capture_default_str()
      ->check(CLI::Range(1u, 1000u));
  search_cmd->add_option("--offset", search.offset, "Hits to skip first (paging)");
  search_cmd->add_flag("--json", search.json, "One JSON object per hit");
  search_cmd->add_option("query", search.query,
                         "Full-text query in FTS5 syntax: words, \"phrases\", AND OR NOT, "
                         "prefix*, title:word (several words are joined); optional when a filter "
                         "is given");

  auto* help_cmd = app.add_subcommand("help", "Show this help");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? cli::kExitOk : cli::kExitUsage;
  }

  try {
    core::configure_logging(core::parse_log_format(log_format), core::parse_log_level(log_level));
    if (help_cmd->parsed()) {
      std::printf("%s", app.help().c_str());
      return cli::kExitOk;
    }
    if (run_cmd->parsed()) return cli::run_command(global, run);
    if (search_cmd->parsed()) return cli::search_command(global, search);
    if (serve_cmd->parsed()) return cli::serve_command(global, serve);
    if (list_cmd->parsed()) return cli::plugins_list_command(global, list_json);
    if (inspect_cmd->parsed())
      return cli::plugins_inspect_command(global, inspect_target, inspect_json);
    if (new_cmd->parsed()) return cli::plugins_new_command(new_plugin);
  } catch (const core::UsageError& e) {
    std::fprintf(stderr, "opis: %s\n", e.what());
    return cli::kExitUsage;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "opis: internal error: %s\n", e.what());
    return cli::kExitUsage;
  }
  return cli::kExitUsage;
}
