/** @file serve.cpp
 * @brief `stac2h3 serve`: flags, then serve::Server over the cube until Ctrl-C.
 */
#include <cstdio>
#include <memory>

#include "cli/commands.h"
#include "serve/cube_levels.h"
#include "serve/server.h"

namespace stac2h3::cli {

namespace {

struct ServeFlags {
  std::string cube;
  std::string host = "127.0.0.1";
  int port = 8000;
};

void run(const ServeFlags& flags) {
  const serve::CubeLevels cube(flags.cube);
  serve::Server server(cube);
  const int port = server.bind(flags.host, flags.port);
  std::string levels;
  for (const auto& level : cube.levels()) {
    levels += (levels.empty() ? "" : ",") + std::to_string(level.resolution);
  }
  std::fprintf(stderr, "stac2h3 serve: %s (levels %s) at http://%s:%d/  (Ctrl-C stops)\n",
               flags.cube.c_str(), levels.c_str(), flags.host.c_str(), port);
  server.runUntilInterrupted();
  std::fprintf(stderr, "stac2h3 serve: stopped\n");
}

}  // namespace

void addServeCommand(CLI::App& app) {
  auto flags = std::make_shared<ServeFlags>();
  auto* command = app.add_subcommand(
      "serve",
      "Serve a cube (or a pyramid of cubes) over HTTP: a globe viewer at / and an OGC API - "
      "DGGS shaped zone-data API under /collections/cube (see the README's \"Serving\" "
      "section). Stops on Ctrl-C.");
  command->add_option("cube", flags->cube, "cube.zarr from `resample` (with or without --pyramid)")
      ->required()
      ->check(CLI::ExistingDirectory);
  command
      ->add_option("--host", flags->host,
                   "address to listen on; the default serves this machine only (0.0.0.0 "
                   "exposes the cube to the network)")
      ->capture_default_str();
  command->add_option("--port", flags->port, "TCP port (0: any free port, printed at start)")
      ->capture_default_str()
      ->check(CLI::Range(0, 65535));
  command->callback([flags] { run(*flags); });
}

}  // namespace stac2h3::cli
