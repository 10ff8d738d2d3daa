// A live plugin instance: created from a validated config, destroyed before
// its library is unloaded (it holds the library). Each call runs inside its
// own opis_call, so a plugin's failure comes back as a status plus message.
#pragma once

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "opis/core/host_objects.hpp"
#include "opis/core/plugin_library.hpp"

namespace opis::core {

struct CallResult {
  opis_status status = OPIS_OK;
  std::string message;
  bool ok() const { return status == OPIS_OK; }
};

std::string status_name(opis_status status);

class PluginInstance {
 public:
  // Throws UsageError naming the plugin when its create() fails.
  PluginInstance(std::shared_ptr<const PluginLibrary> library, const opis_config& config);
  ~PluginInstance();
  PluginInstance(const PluginInstance&) = delete;
  PluginInstance& operator=(const PluginInstance&) = delete;

  const PluginLibrary& library() const { return *library_; }
  const PluginIdentity& identity() const { return library_->identity(); }

  int probe(const opis_document& document);
  CallResult ingest(const opis_document& document, std::vector<std::unique_ptr<opis_record>>& out,
                    const std::atomic<bool>* cancel);
  CallResult enrich(opis_record& record, std::string_view subject, const std::atomic<bool>* cancel);
  CallResult write(const opis_record& record, std::string_view subject);
  CallResult flush();

 private:
  template <class F>
  CallResult invoke(opis_call& call, F&& callback);

  std::shared_ptr<const PluginLibrary> library_;
  void* instance_ = nullptr;
};

}  // namespace opis::core
