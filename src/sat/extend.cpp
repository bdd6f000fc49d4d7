// Models, including values for eliminated variables.
//
// Variables removed by elimination or substitution get their values from
// the witness stack: it holds each removed clause with the literal that was
// eliminated.  Replaying it from the most recent entry back, every clause
// that the model falsifies is repaired by making its witness literal true;
// removal order guarantees that later repairs never break earlier clauses.
#include "sat/internal.hpp"

namespace wang::sat {

void Internal::save_model() {
  // Eliminated variables start out false and are repaired by the witnesses.
  for (Var var = 0; var < num_vars; ++var) {
    const Value v = values_[make_lit(var, false)];
    model_[var] = v == kUnassigned ? kFalse : v;
  }
  extend_model();
}

void Internal::extend_model() {
  size_t end = witness_literals_.size();
  for (size_t i = witnesses_.size(); i > 0; --i) {
    const WitnessEntry& entry = witnesses_[i - 1];
    const size_t begin = end - entry.size;
    bool satisfied = false;
    for (size_t k = begin; k < end && !satisfied; ++k) satisfied = model_value(witness_literals_[k]) == kTrue;
    if (!satisfied) model_[var_of(entry.witness)] = is_negative(entry.witness) ? kFalse : kTrue;
    end = begin;
  }
}

}  // namespace wang::sat
