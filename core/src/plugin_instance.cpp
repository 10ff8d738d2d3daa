#include "opis/core/plugin_instance.hpp"

#include <algorithm>

#include "opis/core/error.hpp"

namespace opis::core {

std::string status_name(opis_status status) {
  switch (status) {
    case OPIS_OK:
      return "ok";
    case OPIS_INVALID_INPUT:
      return "invalid input";
    case OPIS_INVALID_CONFIG:
      return "invalid config";
    case OPIS_NOT_FOUND:
      return "not found";
    case OPIS_UNSUPPORTED:
      return "unsupported";
    case OPIS_IO_ERROR:
      return "I/O error";
    case OPIS_INTERNAL:
      return "internal error";
    case OPIS_CANCELLED:
      return "cancelled";
  }
  return "status " + std::to_string(static_cast<int>(status));
}

template <class F>
CallResult PluginInstance::invoke(opis_call& call, F&& callback) {
  call.plugin = &library_->identity();
  ActiveCall active(&call);
  const opis_status status = callback();
  if (status == OPIS_OK) return {};
  std::string message = call.failure_message.empty()
                            ? identity().name + " failed (" + status_name(status) + ")"
                            : call.failure_message;
  return {status, std::move(message)};
}

PluginInstance::PluginInstance(std::shared_ptr<const PluginLibrary> library,
                               const opis_config& config)
    : library_(std::move(library)) {
  opis_call call;
  const CallResult result = invoke(
      call, [&] { return library_->descriptor().create(host_api(), &config, &instance_, &call); });
  if (!result.ok()) {
    throw UsageError(identity().kind + " plugin '" + identity().name + "' (" +
                     library_->path().string() + ") could not start: " + result.message);
  }
}

PluginInstance::~PluginInstance() {
  if (instance_ != nullptr) library_->descriptor().destroy(instance_);
}

int PluginInstance::probe(const opis_document& document) {
  const auto probe = library_->descriptor().probe;
  if (probe == nullptr) return 50;
  opis_call call;
  call.plugin = &library_->identity();
  ActiveCall active(&call);
  return std::clamp(probe(instance_, &document), 0, 100);
}

CallResult PluginInstance::ingest(const opis_document& document,
                                  std::vector<std::unique_ptr<opis_record>>& out,
                                  const std::atomic<bool>* cancel) {
  opis_call call;
  call.subject = std::string_view(document.uri.data, document.uri.size);
  call.emitted = &out;
  call.cancel = cancel;
  return invoke(call, [&] { return library_->descriptor().ingest(instance_, &document, &call); });
}

CallResult PluginInstance::enrich(opis_record& record, std::string_view subject,
                                  const std::atomic<bool>* cancel) {
  opis_call call;
  call.subject = subject;
  call.cancel = cancel;
  CallResult result =
      invoke(call, [&] { return library_->descriptor().enrich(instance_, &record, &call); });
  record.release_views();
  return result;
}

CallResult PluginInstance::write(const opis_record& record, std::string_view subject) {
  opis_call call;
  call.subject = subject;
  CallResult result =
      invoke(call, [&] { return library_->descriptor().write(instance_, &record, &call); });
  record.release_views();
  return result;
}

CallResult PluginInstance::flush() {
  const auto flush = library_->descriptor().flush;
  if (flush == nullptr) return {};
  opis_call call;
  return invoke(call, [&] { return flush(instance_, &call); });
}

}  // namespace opis::core
