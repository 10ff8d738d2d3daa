// The bearer tokens the daemon accepts. Only SHA-256 digests are kept, and a
// presented token is compared with each of them in constant time, so neither
// the token's content nor its length leaks through timing. Tokens are never
// logged.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace opis::server {

class BearerTokens {
 public:
  explicit BearerTokens(const std::vector<std::string>& tokens);

  bool required() const { return !digests_.empty(); }
  // `authorization` is the value of the "authorization" header:
  // "Bearer TOKEN". True when no tokens are configured.
  bool accepts(std::string_view authorization) const;

 private:
  std::vector<std::array<unsigned char, 32>> digests_;
};

}  // namespace opis::server
