// The MinHash slots of a signature: each slot keeps the least of its own
// hash over every shingle of a text. This is the hot loop of `link` (64
// hashes per word of every text), so shingles are folded in blocks, eight
// slots at a time, with the widest vector instructions the CPU has.
#pragma once

#include <cstddef>
#include <cstdint>

#include "text_signature.hpp"

namespace opis::link {

// Lowers each slot of `minhash` to the least slot hash of `shingles`. The
// slot hashes are fixed (seeds and mixing never change with the CPU or the
// build), so signatures saved in an index file stay comparable.
void fold_shingles(const uint64_t* shingles, size_t count, MinHash& minhash);

}  // namespace opis::link
