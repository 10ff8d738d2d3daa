// One-line hits: "• February 9, 1952 — Title", "- 1962 – Title",
// "3. Jan. 3, 1962 - Title".
#pragma once

#include <optional>
#include <string_view>

namespace opis::listing {

struct BulletedHit {
  std::string_view date;   // as written
  std::string_view title;  // the rest of the line
};

// A (bullet or number and) date, a dash or bar separator, then a title. A
// bare year needs the bullet: "1962 - 1965 saw…" is prose, not a hit.
std::optional<BulletedHit> split_bulleted_hit(std::string_view line);

}  // namespace opis::listing
