#pragma once

namespace wang::cli {

// The whole `wang` command; returns the process exit code.
int run(int argc, const char* const* argv);

}  // namespace wang::cli
