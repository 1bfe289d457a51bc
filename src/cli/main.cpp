/** @file main.cpp
 * @brief The stac2h3 executable: parses the command line and reports errors as one line.
 */
#include <cstdio>
#include <exception>

#include "cli/commands.h"
#include "util/error.h"

int main(int argc, char** argv) {
  CLI::App app{
      "stac2h3: Sentinel-2 STAC metadata on the H3 grid.\n"
      "Pipeline: download|import|synth -> items.gpkg -> cells|resample -> cube.zarr -> plot|serve"};
  app.set_version_flag("--version", "stac2h3 " STAC2H3_VERSION);
  app.require_subcommand(1);
  app.fallthrough();

  // Subcommands (see commands.h), one line each.
  stac2h3::cli::addDownloadCommand(app);
  stac2h3::cli::addImportCommand(app);
  stac2h3::cli::addSimplifyCommand(app);
  stac2h3::cli::addCellsCommand(app);
  stac2h3::cli::addResampleCommand(app);
  stac2h3::cli::addPlotCommand(app);
  stac2h3::cli::addServeCommand(app);
  stac2h3::cli::addH3Command(app);
  stac2h3::cli::addSynthCommand(app);
  stac2h3::cli::addDemoCommand(app);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  } catch (const stac2h3::Error& e) {
    std::fprintf(stderr, "stac2h3: %s\n", e.what());
    return e.exitCode();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "stac2h3: %s\n", e.what());
    return stac2h3::kExitFailure;
  }
  return 0;
}
