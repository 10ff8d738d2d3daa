#include "bearer_tokens.hpp"

#include <openssl/crypto.h>
#include <openssl/sha.h>

namespace opis::server {

namespace {

std::array<unsigned char, 32> digest(std::string_view text) {
  std::array<unsigned char, 32> out{};
  SHA256(reinterpret_cast<const unsigned char*>(text.data()), text.size(), out.data());
  return out;
}

}  // namespace

BearerTokens::BearerTokens(const std::vector<std::string>& tokens) {
  digests_.reserve(tokens.size());
  for (const auto& t : tokens) digests_.push_back(digest(t));
}

bool BearerTokens::accepts(std::string_view authorization) const {
  if (digests_.empty()) return true;
  constexpr std::string_view kScheme = "Bearer ";
  if (authorization.size() <= kScheme.size() ||
      authorization.substr(0, kScheme.size()) != kScheme) {
    return false;
  }
  const auto presented = digest(authorization.substr(kScheme.size()));
  // Every digest is compared, matched or not, so the time taken does not say
  // which token matched.
  int matched = 0;
  for (const auto& d : digests_) {
    matched |= CRYPTO_memcmp(presented.data(), d.data(), d.size()) == 0 ? 1 : 0;
  }
  return matched != 0;
}

}  // namespace opis::server
