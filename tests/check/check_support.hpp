// Helpers for the proof checker tests: formula generators, proof encoders,
// a deliberately naive LRAT checker used as an independent referee, and
// access to the `cadical` binary.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "check/checker.hpp"

namespace wang::check::testing {

using Clause = std::vector<int>;
using Formula = std::vector<Clause>;

// Pigeonhole: `pigeons` pigeons into `holes` holes; variable of pigeon i
// (0-based) in hole j is i*holes + j + 1.  Unsatisfiable when pigeons > holes.
inline Formula pigeonhole(int pigeons, int holes) {
  Formula f;
  auto var = [&](int i, int j) { return i * holes + j + 1; };
  for (int i = 0; i < pigeons; ++i) {
    Clause c;
    for (int j = 0; j < holes; ++j) c.push_back(var(i, j));
    f.push_back(c);
  }
  for (int j = 0; j < holes; ++j)
    for (int a = 0; a < pigeons; ++a)
      for (int b = a + 1; b < pigeons; ++b) f.push_back({-var(a, j), -var(b, j)});
  return f;
}

inline Formula random_ksat(int variables, int clauses, int k, uint32_t seed) {
  std::mt19937 rng(seed);
  std::uniform_int_distribution<int> pick(1, variables);
  Formula f;
  while (static_cast<int>(f.size()) < clauses) {
    std::set<int> vars;
    while (static_cast<int>(vars.size()) < k) vars.insert(pick(rng));
    Clause c;
    for (const int v : vars) c.push_back(rng() & 1 ? v : -v);
    f.push_back(c);
  }
  return f;
}

inline std::string to_dimacs(const Formula& f) {
  int vars = 0;
  for (const auto& c : f)
    for (const int l : c) vars = std::max(vars, std::abs(l));
  std::ostringstream out;
  out << "p cnf " << vars << ' ' << f.size() << '\n';
  for (const auto& c : f) {
    for (const int l : c) out << l << ' ';
    out << "0\n";
  }
  return out.str();
}

// A proof step in memory: for DRAT, `hints` is unused.
struct Step {
  bool deletion = false;
  int64_t id = 0;
  Clause literals;
  std::vector<int64_t> hints;
};

inline std::vector<int64_t> numbers(const std::string& line) {
  std::istringstream in(line);
  std::vector<int64_t> result;
  int64_t x;
  while (in >> x) result.push_back(x);
  return result;
}

// Parses a DRAT text proof (one step per line, as cadical writes it).
inline std::vector<Step> parse_drat(const std::string& text) {
  std::vector<Step> steps;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == 'c') continue;
    Step s;
    if (line[0] == 'd') {
      s.deletion = true;
      line = line.substr(1);
    }
    for (const int64_t x : numbers(line))
      if (x != 0) s.literals.push_back(static_cast<int>(x));
    steps.push_back(s);
  }
  return steps;
}

inline std::string write_drat(const std::vector<Step>& steps) {
  std::ostringstream out;
  for (const auto& s : steps) {
    if (s.deletion) out << "d ";
    for (const int l : s.literals) out << l << ' ';
    out << "0\n";
  }
  return out.str();
}

inline void put_varint(std::string& out, uint64_t x) {
  while (x > 0x7f) {
    out.push_back(static_cast<char>((x & 0x7f) | 0x80));
    x >>= 7;
  }
  out.push_back(static_cast<char>(x));
}
inline uint64_t signed_code(int64_t x) { return 2 * static_cast<uint64_t>(x < 0 ? -x : x) + (x < 0); }

inline std::string write_drat_binary(const std::vector<Step>& steps) {
  std::string out;
  for (const auto& s : steps) {
    out.push_back(s.deletion ? 'd' : 'a');
    for (const int l : s.literals) put_varint(out, signed_code(l));
    out.push_back('\0');
  }
  return out;
}

// Parses a text LRAT proof ("ID lits 0 hints 0" / "ID d ids 0").
inline std::vector<Step> parse_lrat(const std::string& text) {
  std::vector<Step> steps;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == 'c') continue;
    std::istringstream words(line);
    Step s;
    words >> s.id;
    std::string word;
    std::vector<int64_t> rest;
    while (words >> word) {
      if (word == "d") {
        s.deletion = true;
        continue;
      }
      rest.push_back(std::stoll(word));
    }
    size_t i = 0;
    if (!s.deletion)
      for (; rest[i] != 0; ++i) s.literals.push_back(static_cast<int>(rest[i]));
    if (!s.deletion) ++i;
    for (; rest[i] != 0; ++i) s.hints.push_back(rest[i]);
    steps.push_back(s);
  }
  return steps;
}

inline std::string write_lrat(const std::vector<Step>& steps) {
  std::ostringstream out;
  int64_t last = 0;
  for (const auto& s : steps) {
    if (s.deletion) {
      out << last << " d";
    } else {
      last = s.id;
      out << s.id;
      for (const int l : s.literals) out << ' ' << l;
      out << " 0";
    }
    for (const int64_t h : s.hints) out << ' ' << h;
    out << " 0\n";
  }
  return out.str();
}

// Binary LRAT as CaDiCaL writes it: every number in the signed mapping.
inline std::string write_lrat_binary(const std::vector<Step>& steps) {
  std::string out;
  for (const auto& s : steps) {
    if (s.deletion) {
      out.push_back('d');
    } else {
      out.push_back('a');
      put_varint(out, signed_code(s.id));
      for (const int l : s.literals) put_varint(out, signed_code(l));
      out.push_back('\0');
    }
    for (const int64_t h : s.hints) put_varint(out, signed_code(h));
    out.push_back('\0');
  }
  return out;
}

inline CheckOutcome check_string(const Formula& f, const std::string& proof, ProofFormat format = ProofFormat::Auto) {
  MemorySource source(proof, "proof");
  return check_proof(f, source, format);
}

// Checks a DRAT proof and returns the LRAT text of its verified core
// (empty when not verified).
inline std::string drat_to_lrat(const Formula& f, const std::string& proof, CheckOutcome* outcome = nullptr) {
  Cnf cnf;
  for (const auto& c : f) cnf.add_clause(c);
  std::ostringstream lrat;
  CheckOptions options;
  options.lrat_output = &lrat;
  MemorySource source(proof, "proof");
  const CheckOutcome result = check_proof(cnf, source, options);
  if (outcome) *outcome = result;
  return result.verified ? lrat.str() : std::string();
}

// The referee: a straightforward LRAT checker written independently of
// src/check (no watches, no hashing, std::map for clauses), supporting RAT
// groups.  Returns an empty string when `proof` refutes `f`, else why not.
inline std::string naive_lrat_check(const Formula& f, const std::string& proof) {
  std::map<int64_t, Clause> db;
  for (size_t i = 0; i < f.size(); ++i) db[static_cast<int64_t>(i) + 1] = f[i];
  for (const Step& s : parse_lrat(proof)) {
    if (s.deletion) {
      for (const int64_t id : s.hints) db.erase(id);
      continue;
    }
    if (db.count(s.id)) return "id reused: " + std::to_string(s.id);
    // Applies hints [from, to) as units: 1 on a conflict, 0 when they run
    // out (all units), -1 on a missing, satisfied or non-unit hint.
    auto run = [&](std::set<int>& assignment, size_t from, size_t to) {
      for (size_t i = from; i < to; ++i) {
        auto it = db.find(s.hints[i]);
        if (it == db.end()) return -1;
        int open = 0, unit = 0;
        for (const int l : it->second) {
          if (assignment.count(l)) return -1;  // satisfied
          if (!assignment.count(-l)) ++open, unit = l;
        }
        if (open == 0) return 1;
        if (open > 1) return -1;
        assignment.insert(unit);
      }
      return 0;
    };
    std::set<int> alpha;
    bool tautology = false;
    for (const int l : s.literals) {
      if (alpha.count(l)) tautology = true;
      alpha.insert(-l);
    }
    size_t first_negative = 0;
    while (first_negative < s.hints.size() && s.hints[first_negative] > 0) ++first_negative;
    const int prefix = tautology ? 1 : run(alpha, 0, first_negative);
    if (prefix < 0) return "clause " + std::to_string(s.id) + ": bad hint";
    if (prefix == 0) {
      if (s.literals.empty())
        return "clause " + std::to_string(s.id) + " not RUP by its hints";
      const int pivot = s.literals[0];
      std::map<int64_t, std::pair<size_t, size_t>> groups;
      for (size_t i = first_negative; i < s.hints.size();) {
        const int64_t candidate = -s.hints[i];
        size_t j = i + 1;
        while (j < s.hints.size() && s.hints[j] > 0) ++j;
        groups[candidate] = {i + 1, j};
        i = j;
      }
      for (const auto& [id, clause] : db) {
        if (std::find(clause.begin(), clause.end(), -pivot) == clause.end()) continue;
        auto g = groups.find(id);
        if (g == groups.end()) return "clause " + std::to_string(s.id) + ": RAT candidate missing";
        std::set<int> beta = alpha;
        bool satisfied = false;
        for (const int l : clause) {
          if (l == -pivot) continue;
          if (beta.count(l)) satisfied = true;
          beta.insert(-l);
        }
        if (!satisfied && run(beta, g->second.first, g->second.second) != 1)
          return "clause " + std::to_string(s.id) + ": RAT group fails";
      }
    }
    db[s.id] = s.literals;
    if (s.literals.empty()) return "";
  }
  return "no empty clause";
}

// --- the cadical binary -----------------------------------------------------

inline bool have_cadical() { return std::system("command -v cadical > /dev/null 2>&1") == 0; }

inline std::filesystem::path scratch_dir(const std::string& name) {
  const auto dir = std::filesystem::path(WANG_BINARY_DIR) / "test-scratch" / ("check-" + name + "-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  return dir;
}

inline void write_file(const std::filesystem::path& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary);
  out << content;
}

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Runs cadical on `f`; returns its exit code (10 SAT, 20 UNSAT) and leaves
// a text DRAT proof in `proof` when asked for one.
inline int run_cadical(const Formula& f, const std::filesystem::path& dir, const std::string& proof = {}) {
  const auto cnf = dir / "formula.cnf";
  write_file(cnf, to_dimacs(f));
  std::string command = "cadical -q --no-binary '" + cnf.string() + "'";
  if (!proof.empty()) command += " '" + (dir / proof).string() + "'";
  command += " > /dev/null 2>&1";
  const int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace wang::check::testing
