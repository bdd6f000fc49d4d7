// Extraction, concatenation, extension, rotation and shifts by constants:
// bit-vectors as sequences of bits, rearranged without any gate.
#include "rewrite/rewriter.hpp"

namespace wang::rewrite {

namespace {

using bv::BitVector;

// The unsigned value of `value` if it fits below `bound`, else `bound`.
uint64_t clamped(const BitVector& value, uint64_t bound) {
  if (value.width() > 64 && value.count_leading_zeros() < value.width() - 64) return bound;
  return std::min(value.to_uint64(), bound);
}

Term sign_bit(Rewriter& rw, Term term) { return rw.mk_extract(term, width_of(term) - 1, width_of(term) - 1); }

// `bit` (one bit wide) repeated `count` times.
Term repeated_bit(Rewriter& rw, Term bit, uint32_t count) {
  return count == 1 ? bit : rw.mk(Kind::SignExtend, {bit}, {count - 1});
}

}  // namespace

Term rule_extract_full(Rewriter&, Term term) {
  const Term operand = term.child(0);
  return term.index(1) == 0 && term.index(0) == width_of(operand) - 1 ? operand : Term();
}

Term rule_extract_extract(Rewriter& rw, Term term) {
  const Term inner = term.child(0);
  if (inner.kind() != Kind::Extract) return {};
  const uint32_t offset = inner.index(1);
  return rw.mk_extract(inner.child(0), term.index(0) + offset, term.index(1) + offset);
}

Term rule_extract_concat(Rewriter& rw, Term term) {
  const Term concat = term.child(0);
  if (concat.kind() != Kind::Concat) return {};
  const uint32_t high = term.index(0), low = term.index(1);
  std::vector<Term> parts;  // most significant first
  uint32_t offset = 0;      // of the current piece's lowest bit
  for (size_t i = concat.num_children(); i-- > 0;) {
    const Term piece = concat.child(i);
    const uint32_t end = offset + width_of(piece);  // one past its highest bit
    if (end > low && offset <= high) {
      const uint32_t from = std::max(low, offset) - offset, to = std::min(high, end - 1) - offset;
      parts.insert(parts.begin(), rw.mk_extract(piece, to, from));
    }
    offset = end;
  }
  return parts.size() == 1 ? parts[0] : rw.mk(Kind::Concat, parts);
}

Term rule_extract_bitwise(Rewriter& rw, Term term) {
  const Term operand = term.child(0);
  switch (operand.kind()) {
    case Kind::BvNot:
    case Kind::BvAnd:
    case Kind::BvOr:
    case Kind::BvXor: break;
    default: return {};
  }
  std::vector<Term> parts;
  for (const Term& child : operand.children()) parts.push_back(rw.mk_extract(child, term.index(0), term.index(1)));
  return rw.mk(operand.kind(), parts);
}

Term rule_extract_ite(Rewriter& rw, Term term) {
  const Term ite = term.child(0);
  if (ite.kind() != Kind::Ite) return {};
  return rw.mk(Kind::Ite, {ite.child(0), rw.mk_extract(ite.child(1), term.index(0), term.index(1)),
                           rw.mk_extract(ite.child(2), term.index(0), term.index(1))});
}

// The low bits of a sum or product depend only on the low bits of the
// operands.
Term rule_extract_low_arith(Rewriter& rw, Term term) {
  const Term operand = term.child(0);
  if (term.index(1) != 0) return {};
  switch (operand.kind()) {
    case Kind::BvAdd:
    case Kind::BvSub:
    case Kind::BvNeg:
    case Kind::BvMul: break;
    default: return {};
  }
  std::vector<Term> parts;
  for (const Term& child : operand.children()) parts.push_back(rw.mk_extract(child, term.index(0), 0));
  return rw.mk(operand.kind(), parts);
}

Term rule_extract_sign_extend(Rewriter& rw, Term term) {
  const Term extension = term.child(0);
  if (extension.kind() != Kind::SignExtend) return {};
  const Term operand = extension.child(0);
  const uint32_t width = width_of(operand), high = term.index(0), low = term.index(1);
  if (high < width) return rw.mk_extract(operand, high, low);
  if (low >= width - 1) return repeated_bit(rw, sign_bit(rw, operand), high - low + 1);
  return rw.mk(Kind::SignExtend, {rw.mk_extract(operand, width - 1, low)}, {high - width + 1});
}

Term rule_concat_flatten(Rewriter& rw, Term term) {
  const std::vector<Term> flat = flattened_children(term, Kind::Concat);
  if (flat.size() == term.num_children()) return {};
  return rw.mk(Kind::Concat, flat);
}

// Neighbours that are one piece: two values, or two extracts of the same
// term where the first ends right above the second.
Term rule_concat_merge(Rewriter& rw, Term term) {
  std::vector<Term> merged;
  for (const Term& piece : term.children()) {
    if (!merged.empty()) {
      const Term previous = merged.back();
      if (previous.is_value() && piece.is_value()) {
        merged.back() = rw.fold(Kind::Concat, {previous, piece});
        continue;
      }
      if (previous.kind() == Kind::Extract && piece.kind() == Kind::Extract && previous.child(0) == piece.child(0) &&
          previous.index(1) == piece.index(0) + 1) {
        merged.back() = rw.mk_extract(piece.child(0), previous.index(0), piece.index(1));
        continue;
      }
    }
    merged.push_back(piece);
  }
  if (merged.size() == term.num_children()) return {};
  return merged.size() == 1 ? merged[0] : rw.mk(Kind::Concat, merged);
}

Term rule_extend_to_concat(Rewriter& rw, Term term) {
  const Term operand = term.child(0);
  const uint32_t count = term.index(0);
  switch (term.kind()) {
    case Kind::ZeroExtend:
      return count == 0 ? operand : rw.mk(Kind::Concat, {rw.zero(count), operand});
    case Kind::SignExtend: return count == 0 ? operand : Term();
    default:
      return count == 1 ? operand : rw.mk(Kind::Concat, std::vector<Term>(count, operand));
  }
}

Term rule_rotate_const(Rewriter& rw, Term term) {
  const Term operand = term.child(0);
  const uint32_t width = width_of(operand);
  uint32_t left = term.index(0) % width;
  if (term.kind() == Kind::RotateRight) left = (width - left) % width;
  if (left == 0) return operand;
  return rw.mk(Kind::Concat, {rw.mk_extract(operand, width - 1 - left, 0), rw.mk_extract(operand, width - 1, width - left)});
}

Term rule_shift_const(Rewriter& rw, Term term) {
  const Term operand = term.child(0), distance = term.child(1);
  const uint32_t width = width_of(operand);
  if (is_zero(operand)) return operand;
  if (!is_bv_value(distance)) return {};
  const uint32_t shift = static_cast<uint32_t>(clamped(distance.bv_value(), width));
  if (shift == 0) return operand;
  switch (term.kind()) {
    case Kind::BvShl:
      if (shift == width) return rw.zero(width);
      return rw.mk(Kind::Concat, {rw.mk_extract(operand, width - 1 - shift, 0), rw.zero(shift)});
    case Kind::BvLshr:
      if (shift == width) return rw.zero(width);
      return rw.mk(Kind::Concat, {rw.zero(shift), rw.mk_extract(operand, width - 1, shift)});
    default:
      if (shift == width) return repeated_bit(rw, sign_bit(rw, operand), width);
      return rw.mk(Kind::SignExtend, {rw.mk_extract(operand, width - 1, shift)}, {shift});
  }
}

}  // namespace wang::rewrite
