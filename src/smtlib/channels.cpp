#include "smtlib/channels.hpp"

namespace wang::smtlib {

bool Channels::redirect(const std::string& name, std::ostream*& channel, std::unique_ptr<std::ofstream>& file) {
  if (name == "stdout" || name == "stderr") {
    channel->flush();
    channel = name == "stdout" ? &stdout_ : &stderr_;
    file.reset();
    return true;
  }
  auto opened = std::make_unique<std::ofstream>(name, std::ios::app);
  if (!*opened) return false;
  channel->flush();
  channel = opened.get();
  file = std::move(opened);
  return true;
}

void Channels::reset() {
  set_regular("stdout");
  set_diagnostic("stderr");
}

}  // namespace wang::smtlib
