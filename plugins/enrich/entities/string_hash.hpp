// Lets hash containers keyed by std::string be searched with a string_view,
// so lookups on the scan path build no strings.
#pragma once

#include <cstddef>
#include <functional>
#include <string_view>

namespace opis::entities {

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

}  // namespace opis::entities
