// Gate detection for variable elimination.
//
// When the clauses of x contain a definition of x -- x = AND(a1..ak) in
// either polarity (which covers OR, and with k = 1 equivalences),
// x = XOR(a, b), or x = ITE(c, t, e) -- eliminating x needs only the
// resolvents of gate clauses with non-gate clauses: resolvents of two gate
// clauses are tautologies, and those of two non-gate clauses are implied by
// the others (Een and Biere, 2005).  XOR and ITE gates are what adders,
// multiplexers and comparators of bit-blasted circuits are made of.  Encodings of circuits and of
// structured problems consist mostly of such definitions, and this is what
// makes their variables eliminable at all: the full set of resolvents would
// usually exceed the bound.
#include "sat/elim.hpp"

namespace wang::sat {

// Looks for out = AND(l1..lk): binary clauses (-out | li) and the long clause
// (out | -l1 | ... | -lk).  Marks the gate's clauses and returns true.
bool Eliminator::find_and_gate(Lit out) {
  std::vector<ClauseRef>& binaries = gate_scratch_;
  binaries.clear();
  for (ClauseRef ref : occurrences_[negate(out)]) {
    const Clause& clause = arena()[ref];
    if (clause.garbage || clause.size != 2) continue;
    const Lit other = clause[0] ^ clause[1] ^ negate(out);
    marks_[other] = 1;
    binaries.push_back(ref);
  }
  ClauseRef base = kNoReason;
  for (ClauseRef ref : occurrences_[out]) {
    const Clause& clause = arena()[ref];
    if (clause.garbage) continue;
    bool defines = true;
    for (Lit lit : clause) defines = defines && (lit == out || marks_[negate(lit)]);
    budget_.steps += clause.size;
    if (defines) {
      base = ref;
      break;
    }
  }
  for (ClauseRef ref : binaries) marks_[arena()[ref][0] ^ arena()[ref][1] ^ negate(out)] = 0;
  if (base == kNoReason) return false;
  mark_gate_clause(base);
  for (Lit lit : arena()[base].literals()) marks_[lit] = 1;
  for (ClauseRef ref : binaries) {
    const Lit other = arena()[ref][0] ^ arena()[ref][1] ^ negate(out);
    // Each input needs only one binary clause in the gate.
    if (marks_[negate(other)] == 1) {
      marks_[negate(other)] = 2;
      mark_gate_clause(ref);
    }
  }
  for (Lit lit : arena()[base].literals()) marks_[lit] = 0;
  return true;
}

void Eliminator::mark_gate_clause(ClauseRef ref) {
  arena()[ref].gate = 1;
  gate_clauses_.push_back(ref);
}

// The live ternary clause {a, b, c} among the occurrences of `a`, if any.
ClauseRef Eliminator::find_ternary(Lit a, Lit b, Lit c) {
  for (ClauseRef ref : occurrences_[a]) {
    const Clause& clause = arena()[ref];
    if (clause.garbage || clause.size != 3) continue;
    ++budget_.steps;
    bool match = true;
    for (Lit lit : clause) match = match && (lit == a || lit == b || lit == c);
    if (match) return ref;
  }
  return kNoReason;
}

// x = a XOR b: (-x|a|b) (-x|-a|-b) (x|-a|b) (x|a|-b).  Every clause (-x|a|b)
// proposes a and b.
bool Eliminator::find_xor_gate(Var var) {
  const Lit x = make_lit(var, false);
  for (ClauseRef base : occurrences_[negate(x)]) {
    const Clause& clause = arena()[base];
    if (clause.garbage || clause.size != 3) continue;
    Lit inputs[2];
    size_t count = 0;
    for (Lit lit : clause) {
      if (lit != negate(x)) inputs[count++] = lit;
    }
    const Lit a = inputs[0], b = inputs[1];
    const ClauseRef others[] = {find_ternary(negate(x), negate(a), negate(b)), find_ternary(x, negate(a), b),
                                find_ternary(x, a, negate(b))};
    if (others[0] == kNoReason || others[1] == kNoReason || others[2] == kNoReason) continue;
    mark_gate_clause(base);
    for (ClauseRef ref : others) mark_gate_clause(ref);
    return true;
  }
  return false;
}

// x = ITE(c, t, e): (-x|-c|t) (-x|c|e) (x|-c|-t) (x|c|-e).  Every clause
// (-x|p|q) proposes c = -p, t = q and, swapped, c = -q, t = p.
bool Eliminator::find_ite_gate(Var var) {
  const Lit x = make_lit(var, false);
  for (ClauseRef base : occurrences_[negate(x)]) {
    const Clause& clause = arena()[base];
    if (clause.garbage || clause.size != 3) continue;
    Lit pair[2];
    size_t count = 0;
    for (Lit lit : clause) {
      if (lit != negate(x)) pair[count++] = lit;
    }
    for (int swap = 0; swap < 2; ++swap) {
      const Lit c = negate(pair[swap]), t = pair[1 - swap];
      const ClauseRef then_false = find_ternary(x, negate(c), negate(t));
      if (then_false == kNoReason) continue;
      // The else branch: a clause (-x|c|e) with its partner (x|c|-e).
      for (ClauseRef candidate : occurrences_[negate(x)]) {
        const Clause& other = arena()[candidate];
        if (candidate == base || other.garbage || other.size != 3) continue;
        Lit e = kNoLit;
        bool has_c = false;
        for (Lit lit : other) {
          if (lit == c) {
            has_c = true;
          } else if (lit != negate(x)) {
            e = lit;
          }
        }
        if (!has_c || e == kNoLit || var_of(e) == var_of(c)) continue;
        const ClauseRef else_false = find_ternary(x, c, negate(e));
        if (else_false == kNoReason) continue;
        for (ClauseRef ref : {base, then_false, candidate, else_false}) mark_gate_clause(ref);
        return true;
      }
    }
  }
  return false;
}

bool Eliminator::find_gate(Var var) {
  return find_and_gate(make_lit(var, false)) || find_and_gate(make_lit(var, true)) || find_xor_gate(var) ||
         find_ite_gate(var);
}

void Eliminator::clear_gate() {
  for (ClauseRef ref : gate_clauses_) arena()[ref].gate = 0;
  gate_clauses_.clear();
}

}  // namespace wang::sat
