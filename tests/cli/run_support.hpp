// Running the built `wang` binaries as child processes in tests.
#pragma once

#include <sys/wait.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "support/temp_dir.hpp"

namespace wang::testing {

struct ProcessRun {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

inline void write_file(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

// The files of one test process live in one directory, removed when the
// process ends.
inline std::string temp_path(const std::string& name) {
  static const TempDir directory("wang-cli-test");
  return directory.file(name);
}

// Runs `command` through the shell; stdout and stderr are captured apart.
inline ProcessRun run_command(const std::string& command) {
  const std::string out_path = temp_path("stdout"), err_path = temp_path("stderr");
  const int status = std::system((command + " >" + out_path + " 2>" + err_path).c_str());
  ProcessRun run;
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  run.out = read_file(out_path);
  run.err = read_file(err_path);
  std::remove(out_path.c_str());
  std::remove(err_path.c_str());
  return run;
}

inline std::string wang_binary() { return std::string(WANG_BINARY_DIR) + "/wang"; }
inline std::string checker_binary() { return std::string(WANG_BINARY_DIR) + "/wang-check"; }

}  // namespace wang::testing
