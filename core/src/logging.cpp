#include "opis/core/logging.hpp"

#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <unistd.h>

#include <chrono>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>

#include "opis/core/error.hpp"

namespace opis::core {

namespace {

// One JSON object per line: ts (RFC 3339, UTC, microseconds), level, logger,
// msg. nlohmann::json does the escaping, so messages with quotes, newlines
// or control characters stay valid JSON.
class JsonLineFormatter final : public spdlog::formatter {
 public:
  void format(const spdlog::details::log_msg& msg, spdlog::memory_buf_t& dest) override {
    using namespace std::chrono;
    const auto since_epoch = msg.time.time_since_epoch();
    const auto secs = duration_cast<seconds>(since_epoch);
    const auto micros = duration_cast<microseconds>(since_epoch - secs).count();
    const std::time_t t = secs.count();
    std::tm tm{};
    gmtime_r(&t, &tm);
    char stamp[40];
    const auto n = std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%S", &tm);
    std::snprintf(stamp + n, sizeof stamp - n, ".%06ldZ", static_cast<long>(micros));
    nlohmann::json line = {
        {"ts", stamp},
        {"level", std::string(spdlog::level::to_string_view(msg.level).data(),
                              spdlog::level::to_string_view(msg.level).size())},
        {"logger", std::string(msg.logger_name.data(), msg.logger_name.size())},
        {"msg", std::string(msg.payload.data(), msg.payload.size())},
    };
    const std::string text =
        line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    dest.append(text.data(), text.data() + text.size());
  }
  std::unique_ptr<spdlog::formatter> clone() const override {
    return std::make_unique<JsonLineFormatter>();
  }
};

std::mutex& loggers_mutex() {
  static std::mutex m;
  return m;
}
std::map<std::string, std::shared_ptr<spdlog::logger>, std::less<>>& plugin_loggers() {
  static std::map<std::string, std::shared_ptr<spdlog::logger>, std::less<>> loggers;
  return loggers;
}

}  // namespace

LogFormat parse_log_format(std::string_view text) {
  if (text == "human") return LogFormat::kHuman;
  if (text == "json") return LogFormat::kJson;
  throw UsageError("unknown log format '" + std::string(text) + "' (expected human or json)");
}

spdlog::level::level_enum parse_log_level(std::string_view text) {
  const auto level = spdlog::level::from_str(std::string(text));
  if (level == spdlog::level::off && text != "off") {
    throw UsageError("unknown log level '" + std::string(text) +
                     "' (expected trace, debug, info, warn, error or off)");
  }
  return level;
}

void configure_logging(LogFormat format, spdlog::level::level_enum level) {
  auto sink = std::make_shared<spdlog::sinks::stderr_color_sink_mt>(
      isatty(STDERR_FILENO) ? spdlog::color_mode::automatic : spdlog::color_mode::never);
  auto logger = std::make_shared<spdlog::logger>("opis", sink);
  if (format == LogFormat::kJson) {
    logger->set_formatter(std::make_unique<JsonLineFormatter>());
  } else {
    logger->set_pattern("%^%l%$ [%n] %v");
  }
  logger->set_level(level);
  spdlog::set_default_logger(logger);
  std::lock_guard lock(loggers_mutex());
  plugin_loggers().clear();
}

std::shared_ptr<spdlog::logger> plugin_logger(std::string_view name) {
  std::lock_guard lock(loggers_mutex());
  auto& loggers = plugin_loggers();
  if (auto it = loggers.find(name); it != loggers.end()) return it->second;
  auto logger = spdlog::default_logger()->clone(std::string(name));
  loggers.emplace(std::string(name), logger);
  return logger;
}

}  // namespace opis::core
