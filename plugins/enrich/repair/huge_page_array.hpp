// A fixed-size, zero-filled array on 2 MB pages where the kernel allows it
// (Linux transparent huge pages, "always" or "madvise" mode). The word set's
// slots take megabytes and each look-up lands on a random line of them: on
// 4 KB pages nearly every look-up is also a TLB miss, a page walk through
// memory that other processes keep evicting. Two huge pages cover the table.
#pragma once

#include <cstddef>
#include <cstdlib>
#include <memory>
#include <type_traits>

namespace opis::repair {

namespace detail {
// Zeroed memory of at least `bytes`, aligned to 2 MB and advised as huge
// pages when it is that large; plain zeroed memory otherwise. Throws
// std::bad_alloc.
void* allocate_zeroed_pages(size_t bytes);
struct FreeMemory {
  void operator()(void* p) const { std::free(p); }
};
}  // namespace detail

template <class T>
class HugePageArray {
  static_assert(std::is_trivially_copyable_v<T>, "elements start as zero bytes");

 public:
  HugePageArray() = default;
  explicit HugePageArray(size_t n)
      : data_(static_cast<T*>(detail::allocate_zeroed_pages(n * sizeof(T)))), size_(n) {}

  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  T& operator[](size_t i) { return data_.get()[i]; }
  const T& operator[](size_t i) const { return data_.get()[i]; }
  const T* begin() const { return data_.get(); }
  const T* end() const { return data_.get() + size_; }

 private:
  std::unique_ptr<T[], detail::FreeMemory> data_;
  size_t size_ = 0;
};

}  // namespace opis::repair
