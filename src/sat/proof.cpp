// The four proof formats.  Output is formatted by hand into a buffer that is
// written in large blocks: proofs of hard instances reach gigabytes, and
// iostream formatting would dominate the solver's run time.
#include "sat/proof.hpp"

#include <algorithm>
#include <array>
#include <charconv>

namespace wang::sat {
namespace {

class BufferedProof : public ProofWriter {
 public:
  explicit BufferedProof(std::ostream& out) : out_(out) { buffer_.reserve(kFlushBytes + 4096); }
  ~BufferedProof() override { flush(); }

  void flush() override {
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    out_.flush();
    buffer_.clear();
  }

 protected:
  static constexpr size_t kFlushBytes = 1 << 20;

  void put(char c) { buffer_.push_back(c); }
  void put_number(int64_t number) {
    std::array<char, 24> digits;
    auto [end, error] = std::to_chars(digits.data(), digits.data() + digits.size(), number);
    buffer_.insert(buffer_.end(), digits.data(), end);
  }
  void put_varint(uint64_t number) {
    while (number > 127) {
      buffer_.push_back(static_cast<char>((number & 127) | 128));
      number >>= 7;
    }
    buffer_.push_back(static_cast<char>(number));
  }
  // Binary formats map a literal (or a signed id) x to 2|x| + (x < 0).
  void put_binary_literal(Lit lit) { put_varint(2u * (var_of(lit) + 1u) + (is_negative(lit) ? 1u : 0u)); }
  void end_step() {
    if (buffer_.size() >= kFlushBytes) flush();
  }

 private:
  std::ostream& out_;
  std::vector<char> buffer_;
};

class DratText final : public BufferedProof {
 public:
  using BufferedProof::BufferedProof;
  bool wants_antecedents() const override { return false; }
  void add(ClauseId, std::span<const Lit> literals, std::span<const ClauseId>) override { step(literals); }
  void remove(ClauseId, std::span<const Lit> literals) override {
    put('d');
    put(' ');
    step(literals);
  }

 private:
  void step(std::span<const Lit> literals) {
    for (Lit lit : literals) {
      put_number(lit_to_dimacs(lit));
      put(' ');
    }
    put('0');
    put('\n');
    end_step();
  }
};

class DratBinary final : public BufferedProof {
 public:
  using BufferedProof::BufferedProof;
  bool wants_antecedents() const override { return false; }
  void add(ClauseId, std::span<const Lit> literals, std::span<const ClauseId>) override { step('a', literals); }
  void remove(ClauseId, std::span<const Lit> literals) override { step('d', literals); }

 private:
  void step(char kind, std::span<const Lit> literals) {
    put(kind);
    for (Lit lit : literals) put_binary_literal(lit);
    put_varint(0);
    end_step();
  }
};

class LratText final : public BufferedProof {
 public:
  using BufferedProof::BufferedProof;
  bool wants_antecedents() const override { return true; }
  void add(ClauseId id, std::span<const Lit> literals, std::span<const ClauseId> antecedents) override {
    last_id_ = std::max(last_id_, id);
    put_number(static_cast<int64_t>(id));
    for (Lit lit : literals) {
      put(' ');
      put_number(lit_to_dimacs(lit));
    }
    put_list(antecedents);
  }
  // A deletion line starts with a step id, which checkers ignore; the
  // largest id so far keeps the ids in the file increasing.
  void remove(ClauseId id, std::span<const Lit>) override {
    last_id_ = std::max(last_id_, id);
    put_number(static_cast<int64_t>(last_id_));
    put(' ');
    put('d');
    put(' ');
    put_number(static_cast<int64_t>(id));
    put(' ');
    put('0');
    put('\n');
    end_step();
  }

 private:
  // " 0 ANTECEDENTS 0": ends the literals, lists the antecedents.
  void put_list(std::span<const ClauseId> ids) {
    put(' ');
    put('0');
    for (ClauseId id : ids) {
      put(' ');
      put_number(is_rat_candidate(id) ? -static_cast<int64_t>(unmarked(id)) : static_cast<int64_t>(id));
    }
    put(' ');
    put('0');
    put('\n');
    end_step();
  }
  ClauseId last_id_ = 0;
};

class LratBinary final : public BufferedProof {
 public:
  using BufferedProof::BufferedProof;
  bool wants_antecedents() const override { return true; }
  void add(ClauseId id, std::span<const Lit> literals, std::span<const ClauseId> antecedents) override {
    put('a');
    put_varint(2 * id);
    for (Lit lit : literals) put_binary_literal(lit);
    put_varint(0);
    for (ClauseId antecedent : antecedents) {
      put_varint(is_rat_candidate(antecedent) ? 2 * unmarked(antecedent) + 1 : 2 * antecedent);
    }
    put_varint(0);
    end_step();
  }
  void remove(ClauseId id, std::span<const Lit>) override {
    put('d');
    put_varint(2 * id);
    put_varint(0);
    end_step();
  }
};

}  // namespace

std::unique_ptr<ProofWriter> ProofWriter::create(std::ostream& out, ProofFormat format) {
  switch (format) {
    case ProofFormat::drat_text: return std::make_unique<DratText>(out);
    case ProofFormat::drat_binary: return std::make_unique<DratBinary>(out);
    case ProofFormat::lrat_text: return std::make_unique<LratText>(out);
    case ProofFormat::lrat_binary: return std::make_unique<LratBinary>(out);
  }
  return nullptr;
}

}  // namespace wang::sat
