#include "opis/core/text.hpp"

#include <openssl/evp.h>

#include <array>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "opis/core/error.hpp"

namespace opis::core {

namespace {

// Fetched once: given EVP_sha256(), OpenSSL 3 looks the implementation up
// in its provider store, under a lock, on every digest (two per record).
const EVP_MD* sha256_implementation() {
  static const EVP_MD* const md = [] {
    const EVP_MD* fetched = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    return fetched != nullptr ? fetched : EVP_sha256();
  }();
  return md;
}

}  // namespace

std::string sha256_hex(std::string_view bytes) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int digest_size = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), digest.data(), &digest_size, sha256_implementation(),
                 nullptr) != 1) {
    throw std::runtime_error("SHA-256 computation failed");
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(digest_size * 2, '0');
  for (unsigned int i = 0; i < digest_size; ++i) {
    out[2 * i] = kHex[digest[i] >> 4];
    out[2 * i + 1] = kHex[digest[i] & 0xF];
  }
  return out;
}

std::string read_whole_file(const std::filesystem::path& file, std::string_view what) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw UsageError(file.string() + ": cannot read " + std::string(what));
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace opis::core
