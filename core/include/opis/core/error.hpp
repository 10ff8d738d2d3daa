// Errors raised inside the host core. Module boundaries (CLI, daemon, host
// API) catch them and turn them into exit codes, statuses or messages.
#pragma once

#include <stdexcept>
#include <string>

namespace opis::core {

// Something the user can fix: a bad pipeline file, an unknown plugin, a
// config that fails its schema. The message names the input and the reason.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace opis::core
