// Ending the process at once once a limit or a signal has stopped the run.
// The answer is printed by then; what is left is freeing the formula object
// by object, which takes a good part of a second for large inputs (0.6 s
// for a 200 MB SMT-LIB script) and would make the process outlive its time
// limit.  The kernel reclaims the memory in one go instead.
#pragma once

namespace wang::cli {

// Flushes stdout and stderr and ends the process with `code` without
// running destructors or atexit handlers.  Only for runs that write no
// proof or CNF file, whose buffers the destructors would flush.
[[noreturn]] void exit_without_cleanup(int code);

}  // namespace wang::cli
