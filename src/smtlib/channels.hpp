// The regular and diagnostic output channels of SMT-LIB: the process's
// standard streams, or files named by set-option.
#pragma once

#include <fstream>
#include <memory>
#include <ostream>
#include <string>

namespace wang::smtlib {

class Channels {
 public:
  Channels(std::ostream& standard_output, std::ostream& standard_error)
      : stdout_(standard_output), stderr_(standard_error) {}

  std::ostream& regular() { return *regular_; }
  std::ostream& diagnostic() { return *diagnostic_; }
  // `name` is "stdout", "stderr" or the path of a file to append to.
  // Returns false, leaving the channel as it was, when the file cannot be
  // opened.
  bool set_regular(const std::string& name) { return redirect(name, regular_, regular_file_); }
  bool set_diagnostic(const std::string& name) { return redirect(name, diagnostic_, diagnostic_file_); }
  void reset();

 private:
  bool redirect(const std::string& name, std::ostream*& channel, std::unique_ptr<std::ofstream>& file);

  std::ostream& stdout_;
  std::ostream& stderr_;
  std::ostream* regular_ = &stdout_;
  std::ostream* diagnostic_ = &stderr_;
  std::unique_ptr<std::ofstream> regular_file_;
  std::unique_ptr<std::ofstream> diagnostic_file_;
};

}  // namespace wang::smtlib
