#include "cli/output.hpp"

#include <cstdio>
#include <string>

#include "util/timer.hpp"

namespace wang::cli {

namespace {
constexpr size_t kMaxLine = 4096;
}  // namespace

void print_status(std::ostream& out, sat::Result result) {
  switch (result) {
    case sat::Result::satisfiable: out << "s SATISFIABLE\n"; break;
    case sat::Result::unsatisfiable: out << "s UNSATISFIABLE\n"; break;
    case sat::Result::unknown: out << "s UNKNOWN\n"; break;
  }
}

void print_model(std::ostream& out, std::span<const int> values) {
  std::string line = "v";
  auto emit = [&](int value) {
    const std::string token = " " + std::to_string(value);
    if (line.size() + token.size() + 1 > kMaxLine) {  // +1 for the newline
      out << line << '\n';
      line = "v";
    }
    line += token;
  };
  for (int value : values) emit(value);
  emit(0);
  out << line << '\n';
}

void print_comment(std::ostream& out, const Settings& settings, std::string_view text) {
  if (settings.verbosity == Verbosity::quiet) return;
  out << "c " << text << '\n';
}

void print_statistics(std::ostream& out, const Settings& settings, const sat::Solver& solver) {
  if (settings.verbosity != Verbosity::verbose) return;
  const double seconds = util::seconds_since(settings.start);
  out << "c ---- statistics ----\n";
  for (const sat::Statistic& stat : solver.statistics()) {
    char line[160];
    if (stat.unit.empty()) {
      std::snprintf(line, sizeof line, "c %-22s %16.0f", std::string(stat.name).c_str(), stat.value);
    } else {
      std::snprintf(line, sizeof line, "c %-22s %16.2f %s", std::string(stat.name).c_str(), stat.value,
                    std::string(stat.unit).c_str());
    }
    out << line << '\n';
    if (stat.name == "propagations" && seconds > 0) {
      std::snprintf(line, sizeof line, "c %-22s %16.0f per second", "propagation_rate", stat.value / seconds);
      out << line << '\n';
    }
  }
  char line[160];
  std::snprintf(line, sizeof line, "c %-22s %16.2f s", "total_time", seconds);
  out << line << '\n';
}

}  // namespace wang::cli
