// The host's side of the opaque handles declared in plugin.h. Only the core
// sees these definitions; plugins hold pointers.
#pragma once

#include <opis/plugin.h>

#include <atomic>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "opis/v1/record.pb.h"

namespace opis::core {

struct PluginIdentity {
  std::string name;
  std::string version;
  std::string kind;
};

}  // namespace opis::core

struct opis_record {
  opis::v1::Record message;
  // Storage behind views that are not plain fields of `message` (rendered
  // JSON, arrays of entity surfaces or annotation attributes). Cleared when
  // the record is modified and after every callback, which is exactly the
  // lifetime plugin.h promises for those views.
  mutable std::string rendered;
  mutable std::vector<std::unique_ptr<std::vector<opis_str>>> surface_views;
  mutable std::vector<std::unique_ptr<std::vector<opis_property>>> attribute_views;

  void release_views() const {
    rendered.clear();
    rendered.shrink_to_fit();
    surface_views.clear();
    attribute_views.clear();
  }
};

struct opis_call {
  const opis::core::PluginIdentity* plugin = nullptr;
  std::string_view subject;  // the document's uri, for messages
  opis_status failure_status = OPIS_OK;
  std::string failure_message;
  // Ingest calls: records emitted so far, in order.
  std::vector<std::unique_ptr<opis_record>>* emitted = nullptr;
  const std::atomic<bool>* cancel = nullptr;
};

struct opis_config {
  nlohmann::json value;
  std::string text;  // value.dump(), handed out by config_json
};

namespace opis::core {

// The function table handed to every plugin.
const opis_host_api* host_api();

// Marks `call` as the one running on this thread, so host functions without
// a call parameter (list_append of an annotation) know which plugin acts.
class ActiveCall {
 public:
  explicit ActiveCall(opis_call* call);
  ~ActiveCall();
  ActiveCall(const ActiveCall&) = delete;
  ActiveCall& operator=(const ActiveCall&) = delete;

 private:
  opis_call* previous_;
};

}  // namespace opis::core
