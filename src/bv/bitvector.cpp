#include "wang/bitvector.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace wang::bv {

namespace {

// 128-bit intermediates for carries, products and two-word quotients;
// __extension__ keeps -Wpedantic quiet about the GCC/Clang type.
__extension__ typedef unsigned __int128 u128;

using Words = std::span<uint64_t>;
using ConstWords = std::span<const uint64_t>;

constexpr uint32_t kWordBits = 64;

void require(bool condition, const char* operation, const char* what) {
  if (!condition) throw std::invalid_argument(std::string(operation) + ": " + what);
}

void require_same_width(const BitVector& s, const BitVector& t, const char* operation) {
  if (s.width() != t.width()) {
    throw std::invalid_argument(std::string(operation) + ": widths differ (" + std::to_string(s.width()) +
                                " and " + std::to_string(t.width()) + ")");
  }
}

// A result width computed in 64 bits, checked to fit the 32-bit width type.
uint32_t checked_width(uint64_t width, const char* operation) {
  require(width <= UINT32_MAX, operation, "result wider than 2^32 - 1 bits");
  return static_cast<uint32_t>(width);
}

// The n lowest bits set, for 0 <= n <= 64.
constexpr uint64_t low_bits(uint32_t n) { return n >= kWordBits ? ~uint64_t{0} : (uint64_t{1} << n) - 1; }

uint64_t word_or_zero(ConstWords words, size_t i) { return i < words.size() ? words[i] : 0; }

// The number of words up to and including the highest nonzero one.
size_t significant_words(ConstWords words) {
  size_t n = words.size();
  while (n > 0 && words[n - 1] == 0) --n;
  return n;
}

// dst = the bits of src from position `offset` on (zero beyond src).
void copy_bits_from(Words dst, ConstWords src, uint64_t offset) {
  const size_t word = offset / kWordBits;
  const uint32_t shift = offset % kWordBits;
  for (size_t i = 0; i < dst.size(); ++i) {
    const uint64_t low = word_or_zero(src, word + i);
    if (shift == 0) {
      dst[i] = low;
    } else {
      dst[i] = (low >> shift) | (word_or_zero(src, word + i + 1) << (kWordBits - shift));
    }
  }
}

// dst |= src shifted up by `offset` bits; bits beyond dst are dropped.
void or_bits_at(Words dst, ConstWords src, uint64_t offset) {
  const size_t word = offset / kWordBits;
  const uint32_t shift = offset % kWordBits;
  for (size_t i = 0; i < src.size() && word + i < dst.size(); ++i) {
    dst[word + i] |= src[i] << shift;
    if (shift != 0 && word + i + 1 < dst.size()) dst[word + i + 1] |= src[i] >> (kWordBits - shift);
  }
}

// Sets the bits at positions [lo, hi).
void set_bit_range(Words words, uint64_t lo, uint64_t hi) {
  while (lo < hi) {
    const uint32_t shift = lo % kWordBits;
    const uint32_t count = static_cast<uint32_t>(std::min<uint64_t>(kWordBits - shift, hi - lo));
    words[lo / kWordBits] |= low_bits(count) << shift;
    lo += count;
  }
}

bool any_bit_at_or_above(ConstWords words, uint64_t position) {
  const size_t word = position / kWordBits;
  if (word >= words.size()) return false;
  if ((words[word] & ~low_bits(position % kWordBits)) != 0) return true;
  return significant_words(words.subspan(word + 1)) != 0;
}

bool any_bit_below(ConstWords words, uint64_t position) {
  const size_t word = position / kWordBits;
  if (significant_words(words.first(std::min(word, words.size()))) != 0) return true;
  return word < words.size() && (words[word] & low_bits(position % kWordBits)) != 0;
}

// x -= y + borrow; returns the borrow out.
bool subtract_with_borrow(uint64_t& x, uint64_t y, bool borrow) {
  const uint64_t difference = x - y;
  const bool borrow_out = x < y || difference < uint64_t{borrow};
  x = difference - uint64_t{borrow};
  return borrow_out;
}

// x += y + carry; returns the carry out.
bool add_with_carry(uint64_t& x, uint64_t y, bool carry) {
  const u128 sum = u128{x} + y + carry;
  x = static_cast<uint64_t>(sum);
  return (sum >> kWordBits) != 0;
}

// dst = a + b over dst.size() words; dst may alias a or b.
bool add_words(Words dst, ConstWords a, ConstWords b) {
  bool carry = false;
  for (size_t i = 0; i < dst.size(); ++i) {
    uint64_t x = a[i];
    carry = add_with_carry(x, b[i], carry);
    dst[i] = x;
  }
  return carry;
}

void subtract_words(Words dst, ConstWords a, ConstWords b) {
  bool borrow = false;
  for (size_t i = 0; i < dst.size(); ++i) {
    uint64_t x = a[i];
    borrow = subtract_with_borrow(x, b[i], borrow);
    dst[i] = x;
  }
}

// Two's complement negation in place: invert, then add one.
void negate_words(Words words) {
  bool carry = true;
  for (uint64_t& word : words) {
    word = ~word + uint64_t{carry};
    carry = carry && word == 0;
  }
}

// dst = a * b truncated to dst.size() words (schoolbook); dst must not
// overlap a or b.
void multiply_words(Words dst, ConstWords a, ConstWords b) {
  std::fill(dst.begin(), dst.end(), 0);
  a = a.first(significant_words(a));
  b = b.first(significant_words(b));
  for (size_t i = 0; i < a.size() && i < dst.size(); ++i) {
    uint64_t carry = 0;
    const size_t columns = std::min(b.size(), dst.size() - i);
    for (size_t j = 0; j < columns; ++j) {
      const u128 t = u128{a[i]} * b[j] + dst[i + j] + carry;
      dst[i + j] = static_cast<uint64_t>(t);
      carry = static_cast<uint64_t>(t >> kWordBits);
    }
    // Row i reaches one word further than row i - 1 did, so this word is
    // still zero.
    if (i + columns < dst.size()) dst[i + columns] = carry;
  }
}

// words = words * factor + addend (truncated); used to read decimals.
void multiply_add_word(Words words, uint64_t factor, uint64_t addend) {
  uint64_t carry = addend;
  for (uint64_t& word : words) {
    const u128 t = u128{word} * factor + carry;
    word = static_cast<uint64_t>(t);
    carry = static_cast<uint64_t>(t >> kWordBits);
  }
}

// quotient = u / v for one nonzero word v; returns the remainder.  quotient
// may alias u.
uint64_t divide_by_word(ConstWords u, uint64_t v, Words quotient) {
  u128 remainder = 0;
  for (size_t i = u.size(); i-- > 0;) {
    const u128 current = (remainder << kWordBits) | u[i];
    quotient[i] = static_cast<uint64_t>(current / v);
    remainder = current % v;
  }
  return static_cast<uint64_t>(remainder);
}

// un -= digit * vn, where un has one word more than vn; returns true if
// the result went negative.
bool multiply_subtract(Words un, ConstWords vn, uint64_t digit) {
  uint64_t carry = 0;
  bool borrow = false;
  for (size_t i = 0; i < vn.size(); ++i) {
    const u128 product = u128{digit} * vn[i] + carry;
    carry = static_cast<uint64_t>(product >> kWordBits);
    borrow = subtract_with_borrow(un[i], static_cast<uint64_t>(product), borrow);
  }
  return subtract_with_borrow(un[vn.size()], carry, borrow);
}

// One step of Knuth's Algorithm D (TAOCP 4.3.1): the quotient digit of the
// k + 1 words un by the k >= 2 words vn (normalized: top bit set, and
// un < vn * 2^64), leaving the remainder in un.
uint64_t divide_step(Words un, ConstWords vn) {
  const size_t k = vn.size();
  const u128 top = (u128{un[k]} << kWordBits) | un[k - 1];
  u128 estimate = top / vn[k - 1];
  u128 rest = top % vn[k - 1];
  // Checking the next digit makes the estimate exact or one too big.
  while ((estimate >> kWordBits) != 0 || estimate * vn[k - 2] > ((rest << kWordBits) | un[k - 2])) {
    --estimate;
    rest += vn[k - 1];
    if ((rest >> kWordBits) != 0) break;
  }
  uint64_t digit = static_cast<uint64_t>(estimate);
  if (multiply_subtract(un, vn, digit)) {
    // One too big (rare): add the divisor back; the carry out cancels the
    // borrow.
    --digit;
    const bool carry = add_words(un.first(k), un.first(k), vn);
    un[k] += uint64_t{carry};
  }
  return digit;
}

// Knuth's Algorithm D for m >= k >= 2 significant words (u[m-1] and v[k-1]
// nonzero); quotient and remainder must be zero on entry.
void long_divide(ConstWords u, ConstWords v, Words quotient, Words remainder) {
  const size_t m = u.size();
  const size_t k = v.size();
  // Shifting both operands until the divisor's top bit is set keeps each
  // digit estimate within two of the truth.
  const uint32_t shift = std::countl_zero(v[k - 1]);
  std::vector<uint64_t> vn(k);
  std::vector<uint64_t> un(m + 1);
  or_bits_at(vn, v, shift);
  or_bits_at(un, u, shift);
  for (size_t j = m - k + 1; j-- > 0;) {
    quotient[j] = divide_step(Words(un).subspan(j, k + 1), vn);
  }
  copy_bits_from(remainder.first(k), un, shift);
}

// quotient = u / v and remainder = u % v for v != 0; all of one size and
// zero on entry.
void divide_words(ConstWords u, ConstWords v, Words quotient, Words remainder) {
  const size_t m = significant_words(u);
  const size_t k = significant_words(v);
  if (m < k) {
    std::copy(u.begin(), u.end(), remainder.begin());
  } else if (k == 1) {
    remainder[0] = divide_by_word(u.first(m), v[0], quotient);
  } else {
    long_divide(u.first(m), v.first(k), quotient, remainder);
  }
}

std::strong_ordering compare_words(ConstWords a, ConstWords b) {
  for (size_t i = a.size(); i-- > 0;) {
    if (a[i] != b[i]) return a[i] <=> b[i];
  }
  return std::strong_ordering::equal;
}

// A splitmix64 finalizer: every input bit affects every output bit.
uint64_t mix(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9;
  x ^= x >> 27;
  x *= 0x94d049bb133111eb;
  return x ^ (x >> 31);
}

// Decimal text is converted nineteen digits at a time: 10^19 is the largest
// power of ten that fits a word.
constexpr size_t kDecimalChunkDigits = 19;
constexpr uint64_t kDecimalChunk = 10'000'000'000'000'000'000u;

int hex_digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

// The kernels above work on spans; this gives them the words of a result.
struct WordAccess {
  static Words words(BitVector& v) { return {v.data(), v.word_count()}; }

  // Restores the invariant that the bits at and above the width are zero.
  static void clear_unused_bits(BitVector& v) {
    const auto bits_in_top_word = static_cast<uint32_t>(v.width_ - (v.word_count() - 1) * kWordBits);
    words(v).back() &= low_bits(bits_in_top_word);
  }
};

namespace {

Words words_of(BitVector& v) { return WordAccess::words(v); }

// `v` with the invariant restored after a kernel wrote all of its words.
BitVector normalized(BitVector&& v) {
  WordAccess::clear_unused_bits(v);
  return std::move(v);
}

// The shift distance t as a number, saturated at the width of s: all
// larger distances act alike.
uint32_t shift_distance(const BitVector& s, const BitVector& t) {
  const ConstWords amount = t.words();
  if (significant_words(amount.subspan(1)) != 0) return s.width();
  return static_cast<uint32_t>(std::min<uint64_t>(amount[0], s.width()));
}

// s shifted towards the most significant end by k <= width bits.
BitVector shift_left(const BitVector& s, uint32_t k) {
  BitVector result(s.width());
  or_bits_at(words_of(result), s.words(), k);
  return normalized(std::move(result));
}

// s shifted towards the least significant end by k <= width bits; bits
// beyond the width of s are zero, so no cleanup is needed.
BitVector shift_right(const BitVector& s, uint32_t k) {
  BitVector result(s.width());
  copy_bits_from(words_of(result), s.words(), k);
  return result;
}

template <typename Op>
BitVector bitwise(const BitVector& s, const BitVector& t, const char* operation, Op op) {
  require_same_width(s, t, operation);
  BitVector result(s.width());
  const Words out = words_of(result);
  const ConstWords a = s.words();
  const ConstWords b = t.words();
  for (size_t i = 0; i < out.size(); ++i) out[i] = op(a[i], b[i]);
  return normalized(std::move(result));
}

BitVector magnitude(const BitVector& s) { return s.msb() ? bvneg(s) : s; }

struct Division {
  BitVector quotient;
  BitVector remainder;
};

// Unsigned division for a nonzero divisor.
Division divide(const BitVector& s, const BitVector& t) {
  Division result{BitVector(s.width()), BitVector(s.width())};
  divide_words(s.words(), t.words(), words_of(result.quotient), words_of(result.remainder));
  return result;
}

// The full product of s and t, twice their width, as words.
std::vector<uint64_t> full_product(const BitVector& s, const BitVector& t) {
  std::vector<uint64_t> product(2 * s.words().size());
  multiply_words(product, s.words(), t.words());
  return product;
}

}  // namespace

// ---------------------------------------------------------------- class

BitVector::BitVector(uint32_t width) : width_(width) {
  require(width >= 1, "BitVector", "width must be at least 1");
  if (width > kWordBits) large_.assign(word_count(), 0);
}

BitVector BitVector::from_uint64(uint32_t width, uint64_t value) {
  BitVector result(width);
  result.data()[0] = value;
  return normalized(std::move(result));
}

BitVector BitVector::from_int64(uint32_t width, int64_t value) {
  BitVector result = from_uint64(width, static_cast<uint64_t>(value));
  if (value < 0 && width > kWordBits) set_bit_range(words_of(result), kWordBits, width);
  return normalized(std::move(result));
}

BitVector BitVector::from_binary(std::string_view digits) {
  require(!digits.empty(), "from_binary", "no digits");
  BitVector result(checked_width(digits.size(), "from_binary"));
  for (size_t i = 0; i < digits.size(); ++i) {
    const char c = digits[digits.size() - 1 - i];
    require(c == '0' || c == '1', "from_binary", "digit other than 0 and 1");
    if (c == '1') result.data()[i / kWordBits] |= uint64_t{1} << (i % kWordBits);
  }
  return result;
}

BitVector BitVector::from_hex(std::string_view digits) {
  require(!digits.empty(), "from_hex", "no digits");
  BitVector result(checked_width(uint64_t{4} * digits.size(), "from_hex"));
  for (size_t i = 0; i < digits.size(); ++i) {
    const int value = hex_digit_value(digits[digits.size() - 1 - i]);
    require(value >= 0, "from_hex", "invalid hexadecimal digit");
    // Four divides 64, so a digit never straddles two words.
    result.data()[4 * i / kWordBits] |= static_cast<uint64_t>(value) << (4 * i % kWordBits);
  }
  return result;
}

BitVector BitVector::from_decimal(uint32_t width, std::string_view digits) {
  require(!digits.empty(), "from_decimal", "no digits");
  BitVector result(width);
  const Words words = words_of(result);
  // Reducing modulo 2^width after each chunk gives the same result as
  // reducing once at the end.  Only the words the value has reached can be
  // nonzero, and each chunk (a factor below 2^64) reaches at most one more:
  // multiplying just those keeps a long numeral of a wide sort, such as
  // (_ bv<100,000 digits> 268435456), at milliseconds instead of a minute.
  size_t reached = 0;
  for (size_t start = 0; start < digits.size(); start += kDecimalChunkDigits) {
    const std::string_view chunk = digits.substr(start, kDecimalChunkDigits);
    uint64_t value = 0;
    uint64_t scale = 1;
    for (const char c : chunk) {
      require(c >= '0' && c <= '9', "from_decimal", "non-digit in decimal numeral");
      value = 10 * value + static_cast<uint64_t>(c - '0');
      scale *= 10;
    }
    reached = std::min(reached + 1, words.size());
    multiply_add_word(words.first(reached), scale, value);
  }
  return normalized(std::move(result));
}

BitVector BitVector::ones(uint32_t width) {
  BitVector result(width);
  set_bit_range(words_of(result), 0, width);
  return result;
}

BitVector BitVector::min_signed(uint32_t width) {
  BitVector result(width);
  result.set_bit(width - 1, true);
  return result;
}

BitVector BitVector::max_signed(uint32_t width) {
  BitVector result(width);
  set_bit_range(words_of(result), 0, width - 1);
  return result;
}

bool BitVector::bit(uint32_t i) const {
  require(i < width_, "bit", "index out of range");
  return ((data()[i / kWordBits] >> (i % kWordBits)) & 1) != 0;
}

void BitVector::set_bit(uint32_t i, bool value) {
  require(i < width_, "set_bit", "index out of range");
  const uint64_t mask = uint64_t{1} << (i % kWordBits);
  uint64_t& word = data()[i / kWordBits];
  word = value ? word | mask : word & ~mask;
}

bool BitVector::is_zero() const { return significant_words(words()) == 0; }

bool BitVector::is_ones() const { return *this == ones(width_); }

bool BitVector::is_min_signed() const { return *this == min_signed(width_); }

uint32_t BitVector::count_leading_zeros() const {
  const size_t used = significant_words(words());
  if (used == 0) return width_;
  const uint64_t bits_below_top = (used - 1) * kWordBits;
  return width_ - static_cast<uint32_t>(bits_below_top + kWordBits - std::countl_zero(data()[used - 1]));
}

uint64_t BitVector::to_uint64() const { return data()[0]; }

int64_t BitVector::to_int64() const {
  require(width_ <= kWordBits, "to_int64", "width above 64");
  const uint64_t sign_fill = msb() ? ~low_bits(width_) : 0;
  return static_cast<int64_t>(small_ | sign_fill);
}

std::string BitVector::to_binary_string() const {
  std::string digits(width_, '0');
  for (uint32_t i = 0; i < width_; ++i) {
    if (bit(i)) digits[width_ - 1 - i] = '1';
  }
  return digits;
}

std::string BitVector::to_hex_string() const {
  require(width_ % 4 == 0, "to_hex_string", "width not a multiple of 4");
  static constexpr char kDigits[] = "0123456789abcdef";
  const uint32_t count = width_ / 4;
  std::string digits(count, '0');
  for (uint32_t i = 0; i < count; ++i) {
    const uint64_t position = uint64_t{4} * i;
    digits[count - 1 - i] = kDigits[(data()[position / kWordBits] >> (position % kWordBits)) & 0xf];
  }
  return digits;
}

std::string BitVector::to_decimal_string() const {
  std::vector<uint64_t> rest(words().begin(), words().end());
  std::string reversed;
  for (size_t used = significant_words(rest); used != 0; used = significant_words(rest)) {
    const Words live = Words(rest).first(used);
    uint64_t chunk = divide_by_word(live, kDecimalChunk, live);
    for (size_t i = 0; i < kDecimalChunkDigits; ++i, chunk /= 10) {
      reversed.push_back(static_cast<char>('0' + chunk % 10));
    }
  }
  while (!reversed.empty() && reversed.back() == '0') reversed.pop_back();
  if (reversed.empty()) return "0";
  return {reversed.rbegin(), reversed.rend()};
}

std::string BitVector::to_smtlib() const {
  return width_ % 4 == 0 ? "#x" + to_hex_string() : "#b" + to_binary_string();
}

size_t BitVector::hash() const {
  uint64_t h = mix(width_);
  for (const uint64_t word : words()) h = mix(h ^ word) + 0x9e3779b97f4a7c15;
  return static_cast<size_t>(h);
}

bool operator==(const BitVector& a, const BitVector& b) {
  return a.width() == b.width() && std::ranges::equal(a.words(), b.words());
}

std::strong_ordering operator<=>(const BitVector& a, const BitVector& b) {
  if (a.width() != b.width()) return a.width() <=> b.width();
  return compare_words(a.words(), b.words());
}

// ---------------------------------------------------------------- structure

BitVector concat(const BitVector& s, const BitVector& t) {
  BitVector result(checked_width(uint64_t{s.width()} + t.width(), "concat"));
  or_bits_at(words_of(result), t.words(), 0);
  or_bits_at(words_of(result), s.words(), t.width());
  return result;
}

BitVector extract(const BitVector& s, uint32_t hi, uint32_t lo) {
  require(lo <= hi && hi < s.width(), "extract", "need lo <= hi < width");
  BitVector result(hi - lo + 1);
  copy_bits_from(words_of(result), s.words(), lo);
  return normalized(std::move(result));
}

BitVector repeat(const BitVector& s, uint32_t n) {
  require(n >= 1, "repeat", "count must be at least 1");
  BitVector result(checked_width(uint64_t{s.width()} * n, "repeat"));
  for (uint32_t i = 0; i < n; ++i) or_bits_at(words_of(result), s.words(), uint64_t{i} * s.width());
  return result;
}

BitVector zero_extend(const BitVector& s, uint32_t n) {
  BitVector result(checked_width(uint64_t{s.width()} + n, "zero_extend"));
  or_bits_at(words_of(result), s.words(), 0);
  return result;
}

BitVector sign_extend(const BitVector& s, uint32_t n) {
  BitVector result = zero_extend(s, n);
  if (s.msb()) set_bit_range(words_of(result), s.width(), result.width());
  return result;
}

BitVector rotate_left(const BitVector& s, uint64_t n) {
  const uint32_t k = static_cast<uint32_t>(n % s.width());
  if (k == 0) return s;
  return bvor(shift_left(s, k), shift_right(s, s.width() - k));
}

BitVector rotate_right(const BitVector& s, uint64_t n) {
  const uint32_t k = static_cast<uint32_t>(n % s.width());
  return rotate_left(s, k == 0 ? 0 : s.width() - k);
}

// ---------------------------------------------------------------- bitwise

BitVector bvnot(const BitVector& s) {
  BitVector result(s.width());
  const Words out = words_of(result);
  for (size_t i = 0; i < out.size(); ++i) out[i] = ~s.words()[i];
  return normalized(std::move(result));
}

BitVector bvand(const BitVector& s, const BitVector& t) {
  return bitwise(s, t, "bvand", [](uint64_t a, uint64_t b) { return a & b; });
}

BitVector bvor(const BitVector& s, const BitVector& t) {
  return bitwise(s, t, "bvor", [](uint64_t a, uint64_t b) { return a | b; });
}

BitVector bvxor(const BitVector& s, const BitVector& t) {
  return bitwise(s, t, "bvxor", [](uint64_t a, uint64_t b) { return a ^ b; });
}

BitVector bvnand(const BitVector& s, const BitVector& t) {
  return bitwise(s, t, "bvnand", [](uint64_t a, uint64_t b) { return ~(a & b); });
}

BitVector bvnor(const BitVector& s, const BitVector& t) {
  return bitwise(s, t, "bvnor", [](uint64_t a, uint64_t b) { return ~(a | b); });
}

BitVector bvxnor(const BitVector& s, const BitVector& t) {
  return bitwise(s, t, "bvxnor", [](uint64_t a, uint64_t b) { return ~(a ^ b); });
}

// ---------------------------------------------------------------- arithmetic

BitVector bvneg(const BitVector& s) {
  BitVector result = s;
  negate_words(words_of(result));
  return normalized(std::move(result));
}

BitVector bvadd(const BitVector& s, const BitVector& t) {
  require_same_width(s, t, "bvadd");
  BitVector result(s.width());
  add_words(words_of(result), s.words(), t.words());
  return normalized(std::move(result));
}

BitVector bvsub(const BitVector& s, const BitVector& t) {
  require_same_width(s, t, "bvsub");
  BitVector result(s.width());
  subtract_words(words_of(result), s.words(), t.words());
  return normalized(std::move(result));
}

BitVector bvmul(const BitVector& s, const BitVector& t) {
  require_same_width(s, t, "bvmul");
  BitVector result(s.width());
  multiply_words(words_of(result), s.words(), t.words());
  return normalized(std::move(result));
}

// Newton's iteration x <- x * (2 - s * x) doubles the correct low bits of
// the inverse each step, starting from s itself (every odd s is its own
// inverse modulo 8).
BitVector odd_inverse(const BitVector& s) {
  if (!s.bit(0)) throw std::invalid_argument("odd_inverse: even value");
  const BitVector two = BitVector::from_uint64(s.width(), 2);
  BitVector x = s;
  for (uint32_t bits = 3; bits < s.width(); bits *= 2) x = bvmul(x, bvsub(two, bvmul(s, x)));
  return x;
}

BitVector bvudiv(const BitVector& s, const BitVector& t) {
  require_same_width(s, t, "bvudiv");
  if (t.is_zero()) return BitVector::ones(s.width());
  return divide(s, t).quotient;
}

BitVector bvurem(const BitVector& s, const BitVector& t) {
  require_same_width(s, t, "bvurem");
  if (t.is_zero()) return s;
  return divide(s, t).remainder;
}

// The signed operations follow the SMT-LIB definitions, which split on the
// signs of s and t: each case applies bvudiv / bvurem to the operands made
// non-negative with bvneg (the magnitudes) and possibly negates the result.
// bvsdiv and bvsrem fold their four cases into one line each.
BitVector bvsdiv(const BitVector& s, const BitVector& t) {
  require_same_width(s, t, "bvsdiv");
  const BitVector quotient = bvudiv(magnitude(s), magnitude(t));
  return s.msb() != t.msb() ? bvneg(quotient) : quotient;
}

BitVector bvsrem(const BitVector& s, const BitVector& t) {
  require_same_width(s, t, "bvsrem");
  const BitVector remainder = bvurem(magnitude(s), magnitude(t));
  return s.msb() ? bvneg(remainder) : remainder;
}

BitVector bvsmod(const BitVector& s, const BitVector& t) {
  require_same_width(s, t, "bvsmod");
  const BitVector u = bvurem(magnitude(s), magnitude(t));
  if (u.is_zero()) return u;
  if (!s.msb() && !t.msb()) return u;
  if (s.msb() && !t.msb()) return bvadd(bvneg(u), t);
  if (!s.msb() && t.msb()) return bvadd(u, t);
  return bvneg(u);
}

// ---------------------------------------------------------------- shifts

BitVector bvshl(const BitVector& s, const BitVector& t) {
  require_same_width(s, t, "bvshl");
  return shift_left(s, shift_distance(s, t));
}

BitVector bvlshr(const BitVector& s, const BitVector& t) {
  require_same_width(s, t, "bvlshr");
  return shift_right(s, shift_distance(s, t));
}

BitVector bvashr(const BitVector& s, const BitVector& t) {
  require_same_width(s, t, "bvashr");
  const uint32_t k = shift_distance(s, t);
  BitVector result = shift_right(s, k);
  if (s.msb()) set_bit_range(words_of(result), s.width() - k, s.width());
  return result;
}

// ---------------------------------------------------------------- comparison

BitVector bvcomp(const BitVector& s, const BitVector& t) {
  require_same_width(s, t, "bvcomp");
  return BitVector::from_uint64(1, s == t ? 1 : 0);
}

bool bvult(const BitVector& s, const BitVector& t) {
  require_same_width(s, t, "bvult");
  return compare_words(s.words(), t.words()) < 0;
}

bool bvule(const BitVector& s, const BitVector& t) { return !bvult(t, s); }
bool bvugt(const BitVector& s, const BitVector& t) { return bvult(t, s); }
bool bvuge(const BitVector& s, const BitVector& t) { return !bvult(s, t); }

bool bvslt(const BitVector& s, const BitVector& t) {
  require_same_width(s, t, "bvslt");
  // With equal signs the two's complement order is the unsigned order.
  if (s.msb() != t.msb()) return s.msb();
  return bvult(s, t);
}

bool bvsle(const BitVector& s, const BitVector& t) { return !bvslt(t, s); }
bool bvsgt(const BitVector& s, const BitVector& t) { return bvslt(t, s); }
bool bvsge(const BitVector& s, const BitVector& t) { return !bvslt(s, t); }

// ---------------------------------------------------------------- overflow

bool bvnego(const BitVector& s) { return s.is_min_signed(); }

bool bvuaddo(const BitVector& s, const BitVector& t) {
  require_same_width(s, t, "bvuaddo");
  // The sum wrapped around iff it came out smaller than an operand.
  return bvult(bvadd(s, t), s);
}

bool bvsaddo(const BitVector& s, const BitVector& t) {
  require_same_width(s, t, "bvsaddo");
  // Only operands of equal sign can overflow, and then the sign flips.
  return s.msb() == t.msb() && bvadd(s, t).msb() != s.msb();
}

bool bvumulo(const BitVector& s, const BitVector& t) {
  require_same_width(s, t, "bvumulo");
  return any_bit_at_or_above(full_product(s, t), s.width());
}

bool bvsmulo(const BitVector& s, const BitVector& t) {
  require_same_width(s, t, "bvsmulo");
  // Compare |s| * |t| with the largest magnitude of the result's sign:
  // 2^(w-1) - 1 for a non-negative product, 2^(w-1) for a negative one.
  const std::vector<uint64_t> product = full_product(magnitude(s), magnitude(t));
  const uint64_t half = s.width() - 1;  // the position of 2^(w-1)
  if (s.msb() == t.msb()) return any_bit_at_or_above(product, half);
  if (any_bit_at_or_above(product, half + 1)) return true;
  const bool has_half = ((product[half / kWordBits] >> (half % kWordBits)) & 1) != 0;
  return has_half && any_bit_below(product, half);
}

bool bvusubo(const BitVector& s, const BitVector& t) {
  require_same_width(s, t, "bvusubo");
  return bvult(s, t);
}

bool bvssubo(const BitVector& s, const BitVector& t) {
  require_same_width(s, t, "bvssubo");
  // Only operands of different sign can overflow, and then the result's
  // sign differs from the minuend's.
  return s.msb() != t.msb() && bvsub(s, t).msb() != s.msb();
}

bool bvsdivo(const BitVector& s, const BitVector& t) {
  require_same_width(s, t, "bvsdivo");
  return s.is_min_signed() && t.is_ones();
}

}  // namespace wang::bv
