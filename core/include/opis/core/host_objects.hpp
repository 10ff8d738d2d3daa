// The host's side of the opaque handles declared in plugin.h. Only the core
// sees these definitions; plugins hold pointers.
#pragma once

#include <google/protobuf/arena.h>
#include <opis/plugin.h>

#include <atomic>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "opis/v1/record.pb.h"

namespace opis::core {

// Arrays handed out as views (an entity's surfaces, an annotation's
// attributes), carved from blocks that stay put until clear(). Reading a
// list of annotations costs one allocation per block, not one per item:
// a repaired record carries an annotation every hundred-odd bytes, and the
// enrichers after repair read them all.
template <class T>
class ViewArena {
 public:
  // Room for `n` items, valid until clear().
  T* allocate(size_t n) {
    if (blocks_.empty() || blocks_.back().capacity - blocks_.back().used < n) {
      const size_t capacity = n > kBlockItems ? n : kBlockItems;
      blocks_.push_back({std::make_unique<T[]>(capacity), capacity, 0});
    }
    Block& block = blocks_.back();
    T* items = block.items.get() + block.used;
    block.used += n;
    return items;
  }
  // Keeps one block for the next callback; a burst of reads does not pin
  // its memory on the record.
  void clear() {
    if (blocks_.empty()) return;
    blocks_.resize(1);
    blocks_.front().used = 0;
  }

 private:
  static constexpr size_t kBlockItems = 256;
  struct Block {
    std::unique_ptr<T[]> items;
    size_t capacity = 0;
    size_t used = 0;
  };
  std::vector<Block> blocks_;
};

struct PluginIdentity {
  std::string name;
  std::string version;
  std::string kind;
};

}  // namespace opis::core

struct opis_record {
  opis_record() : message_(google::protobuf::Arena::CreateMessage<opis::v1::Record>(&arena_)) {}
  opis_record(const opis_record&) = delete;
  opis_record& operator=(const opis_record&) = delete;

  opis::v1::Record& message() { return *message_; }
  const opis::v1::Record& message() const { return *message_; }

  // Storage behind views that are not plain fields of the message (rendered
  // JSON, arrays of entity surfaces or annotation attributes). Cleared when
  // the record is modified and after every callback, which is exactly the
  // lifetime plugin.h promises for those views.
  mutable std::string rendered;
  mutable opis::core::ViewArena<opis_str> surface_views;
  mutable opis::core::ViewArena<opis_property> attribute_views;

  void release_views() const {
    rendered.clear();
    rendered.shrink_to_fit();
    surface_views.clear();
    attribute_views.clear();
  }

 private:
  // The message and everything in it (a long damaged text gets hundreds of
  // thousands of annotations) come from one arena, released with the
  // record, instead of a heap allocation per item and per string.
  google::protobuf::Arena arena_;
  opis::v1::Record* message_;
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
