// The hashing behind a text's signature: the shingles (five chained mixes
// per word) and the MinHash slots (each keeps the least of its own hash over
// every shingle). These are the hot loops of `link` (69 multiplies per word
// of every text), so both run on blocks, eight lanes at a time on CPUs with
// AVX-512.
#pragma once

#include <cstddef>
#include <cstdint>

#include "text_signature.hpp"

namespace opis::link {

// Lowers each slot of `minhash` to the least slot hash of `shingles`. The
// slot hashes are fixed (seeds and mixing never change with the CPU or the
// build), so signatures saved in an index file stay comparable.
void fold_shingles(const uint64_t* shingles, size_t count, MinHash& minhash);

// The hash of every run of kShingleWords consecutive word hashes:
// `shingles[i]` is the chain of mix64 from `seed` over words[i] ..
// words[i + kShingleWords - 1], so `words` holds count + kShingleWords - 1
// hashes. Eight shingles at a time on AVX-512, same values everywhere.
void make_shingles(const uint64_t* words, size_t count, uint64_t seed, uint64_t* shingles);

}  // namespace opis::link
