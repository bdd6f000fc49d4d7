#include "cli/fast_exit.hpp"

#include <spdlog/spdlog.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>

namespace wang::cli {

void exit_without_cleanup(int code) {
  std::cout.flush();
  std::cerr.flush();
  spdlog::default_logger()->flush();
  std::fflush(nullptr);
  std::_Exit(code);
}

}  // namespace wang::cli
