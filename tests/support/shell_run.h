/** @file shell_run.h
 * @brief Running a command line in a test: its exit status and what it printed.
 */
#pragma once

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

namespace stac2h3::test {

struct ShellRun {
  int status = -1;     ///< the exit status; -1 when the command was killed by a signal
  std::string output;  ///< its standard output (add " 2>&1" to the command for stderr too)
};

/** Runs `command` through /bin/sh and waits for it. */
inline ShellRun runShell(const std::string& command) {
  ShellRun run;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return run;
  std::array<char, 4096> buffer{};
  while (size_t n = fread(buffer.data(), 1, buffer.size(), pipe))
    run.output.append(buffer.data(), n);
  const int status = pclose(pipe);
  run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

}  // namespace stac2h3::test
