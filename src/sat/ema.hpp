// Schedules used by restarts: moving averages and the Luby sequence.
#pragma once

#include <cstdint>

namespace wang::sat {

// An exponential moving average with bias correction: early values are not
// dragged towards the zero it starts from, so averages over very different
// windows (say 33 and 100,000 conflicts) can be compared from the start.
class Ema {
 public:
  void set_window(double conflicts) { alpha_ = 1.0 / conflicts; }
  void update(double sample) {
    biased_ += alpha_ * (sample - biased_);
    decay_ *= 1.0 - alpha_;
  }
  double value() const { return decay_ < 1.0 ? biased_ / (1.0 - decay_) : 0.0; }

 private:
  double alpha_ = 0.01;
  double biased_ = 0.0;
  double decay_ = 1.0;
};

// Knuth's "reluctant doubling" generation of the Luby sequence
// 1 1 2 1 1 2 4 1 1 2 ...: restarts in stable mode follow it, scaled by a
// base interval, which mixes many short and a few long runs.
class ReluctantDoubling {
 public:
  // The next element of the sequence.
  uint64_t next() {
    uint64_t result = v_;
    if ((u_ & (~u_ + 1)) == v_) {
      ++u_;
      v_ = 1;
    } else {
      v_ *= 2;
    }
    return result;
  }

 private:
  uint64_t u_ = 1;
  uint64_t v_ = 1;
};

}  // namespace wang::sat
