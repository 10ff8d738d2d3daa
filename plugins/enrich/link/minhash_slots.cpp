#include "minhash_slots.hpp"

#include <algorithm>
#include <array>
#include <cstring>

namespace opis::link {
namespace {

// Per-slot seeds, fixed so signatures saved in an index file stay comparable
// across runs and builds.
constexpr std::array<uint64_t, kMinHashSize> make_seeds() {
  std::array<uint64_t, kMinHashSize> seeds{};
  uint64_t state = 0x6F70697331696E6BULL;
  for (auto& seed : seeds) {
    state += 0x9E3779B97F4A7C15ULL;
    seed = mix64(state);
  }
  return seeds;
}
constexpr auto kSeeds = make_seeds();
constexpr uint64_t kSlotMultiplier = 0x9E3779B97F4A7C15ULL;

uint64_t slot_hash(uint64_t shingle, uint64_t seed) {
  // One multiply-xorshift per slot over a well-mixed base is enough for
  // min-wise hashing.
  const uint64_t h = (shingle ^ seed) * kSlotMultiplier;
  return h ^ (h >> 32);
}

void fold_one_by_one(const uint64_t* shingles, size_t count, MinHash& minhash) {
  for (size_t slot = 0; slot < kMinHashSize; ++slot) {
    uint64_t least = minhash[slot];
    for (size_t s = 0; s < count; ++s)
      least = std::min(least, slot_hash(shingles[s], kSeeds[slot]));
    minhash[slot] = least;
  }
}

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define OPIS_LINK_WIDE_SLOTS 1
// Eight slots in one AVX-512 register (GCC vector extension). Only AVX-512DQ
// pays: it has a 64-bit vector multiply (vpmullq) and an unsigned 64-bit
// min; AVX2 and SSE2 emulate both and lose to the scalar loop.
constexpr size_t kLanes = 8;
using SlotLanes = uint64_t __attribute__((vector_size(kLanes * sizeof(uint64_t))));
static_assert(kMinHashSize % kLanes == 0);

__attribute__((target("arch=x86-64-v4"))) void fold_eight_at_a_time(const uint64_t* shingles,
                                                                    size_t count,
                                                                    MinHash& minhash) {
  for (size_t part = 0; part < kMinHashSize; part += kLanes) {
    SlotLanes seeds;
    SlotLanes least;
    std::memcpy(&seeds, kSeeds.data() + part, sizeof seeds);
    std::memcpy(&least, minhash.data() + part, sizeof least);
    for (size_t s = 0; s < count; ++s) {
      SlotLanes h = (shingles[s] ^ seeds) * kSlotMultiplier;
      h ^= h >> 32;
      least = h < least ? h : least;
    }
    std::memcpy(minhash.data() + part, &least, sizeof least);
  }
}

// mix64 in every lane (by reference: a 64-byte vector passed by value
// would take an ABI that depends on the caller's target).
__attribute__((target("arch=x86-64-v4"))) inline void mix64_lanes(SlotLanes& x) {
  x ^= x >> 30;
  x *= 0xBF58476D1CE4E5B9ULL;
  x ^= x >> 27;
  x *= 0x94D049BB133111EBULL;
  x ^= x >> 31;
}

__attribute__((target("arch=x86-64-v4"))) size_t shingles_eight_at_a_time(const uint64_t* words,
                                                                          size_t count,
                                                                          uint64_t seed,
                                                                          uint64_t* shingles) {
  size_t i = 0;
  for (; i + kLanes <= count; i += kLanes) {
    SlotLanes h = seed - SlotLanes{};  // the seed in every lane
    for (size_t k = 0; k < kShingleWords; ++k) {
      SlotLanes w;
      std::memcpy(&w, words + i + k, sizeof w);
      h ^= w;
      mix64_lanes(h);
    }
    std::memcpy(shingles + i, &h, sizeof h);
  }
  return i;
}

bool has_wide_slots() {
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq");
}
#endif

}  // namespace

void fold_shingles(const uint64_t* shingles, size_t count, MinHash& minhash) {
#ifdef OPIS_LINK_WIDE_SLOTS
  static const bool wide = has_wide_slots();
  if (wide) {
    fold_eight_at_a_time(shingles, count, minhash);
    return;
  }
#endif
  fold_one_by_one(shingles, count, minhash);
}

void make_shingles(const uint64_t* words, size_t count, uint64_t seed, uint64_t* shingles) {
  size_t done = 0;
#ifdef OPIS_LINK_WIDE_SLOTS
  static const bool wide = has_wide_slots();
  if (wide) done = shingles_eight_at_a_time(words, count, seed, shingles);
#endif
  for (size_t i = done; i < count; ++i) {
    uint64_t h = seed;
    for (size_t k = 0; k < kShingleWords; ++k) h = mix64(h ^ words[i + k]);
    shingles[i] = h;
  }
}

}  // namespace opis::link
