#include "cli/app.hpp"

int main(int argc, char** argv) { return wang::cli::run(argc, argv); }
