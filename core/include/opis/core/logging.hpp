// Logging set-up: human-readable lines on a terminal, JSON lines (one object
// per event) with --log-format json, both to stderr.
#pragma once

#include <spdlog/spdlog.h>

#include <memory>
#include <string>
#include <string_view>

namespace opis::core {

enum class LogFormat { kHuman, kJson };

// Parses "human"/"json"; throws UsageError otherwise.
LogFormat parse_log_format(std::string_view text);
// Parses "trace", "debug", "info", "warn", "error", "off".
spdlog::level::level_enum parse_log_level(std::string_view text);

void configure_logging(LogFormat format, spdlog::level::level_enum level);

// The logger of one plugin: same sinks as the default logger, its name is the
// plugin's ("ingest/text"), so each line says who speaks.
std::shared_ptr<spdlog::logger> plugin_logger(std::string_view name);

}  // namespace opis::core
