/** @file main.cpp
 * @brief The stac2h3 executable: parses the command line and reports errors as one line.
 *
 * Every refusal is one line on stderr, "stac2h3: ...", naming the file, item, line or flag
 * at fault: the argument parser's own errors (unknown flag, bad number, value out of range)
 * exit with status 2 like bad input; --help and --version exit 0. GDAL prints nothing
 * itself: the library folds its last message into our line where it explains the failure.
 */
#include <cpl_error.h>

#include <cstdio>
#include <exception>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "util/error.h"

namespace {

/** Keeps GDAL's errors and warnings off stderr (they stay readable through
 * CPLGetLastErrorMsg); debug messages still go to GDAL's handler, which shows them only
 * with CPL_DEBUG set. */
void quietGdalHandler(CPLErr level, CPLErrorNum code, const char* message) {
  if (level == CE_Debug) CPLDefaultErrorHandler(level, code, message);
}

/** The subcommands given on the command line, e.g. "h3 cell" ("" for none). */
std::string commandPath(const CLI::App& app) {
  std::string path;
  for (const CLI::App* command = &app;;) {
    const auto chosen = command->get_subcommands();
    if (chosen.empty()) return path;
    command = chosen.front();
    path += (path.empty() ? "" : " ") + command->get_name();
  }
}

/** One line: newlines the parser puts into some messages become "; ". */
std::string oneLine(std::string text) {
  while (!text.empty() && text.back() == '\n') text.pop_back();
  for (size_t at = text.find('\n'); at != std::string::npos; at = text.find('\n', at)) {
    text.replace(at, 1, "; ");
  }
  return text;
}

/** The parser's message, or, when arguments were left over, those: the parser checks
 * required flags before it reports unknown ones, and "--start is required" does not tell a
 * user that `--strat` was a typo. */
std::string parseErrorMessage(const CLI::App& app, const CLI::ParseError& error) {
  const std::vector<std::string> unknown = app.remaining(true);
  if (unknown.empty()) return error.what();
  std::string message = unknown.size() == 1 ? "unknown argument" : "unknown arguments";
  for (const std::string& argument : unknown) message += " '" + argument + "'";
  return message;
}

void printError(const std::string& message) {
  std::fprintf(stderr, "stac2h3: %s\n", oneLine(message).c_str());
}

}  // namespace

int main(int argc, char** argv) {
  CPLSetErrorHandler(quietGdalHandler);
  CLI::App app{
      "stac2h3: Sentinel-2 STAC metadata on the H3 grid.\n"
      "Pipeline: download|import|synth -> items.gpkg -> cells|resample -> cube.zarr -> plot|serve;\n"
      "items.gpkg -> select -> the scenes to download (ItemCollection, NDJSON, ids)"};
  app.set_version_flag("--version", "stac2h3 " STAC2H3_VERSION);
  app.require_subcommand(1);
  app.fallthrough();

  // Subcommands (see commands.h), one line each.
  stac2h3::cli::addDownloadCommand(app);
  stac2h3::cli::addImportCommand(app);
  stac2h3::cli::addSimplifyCommand(app);
  stac2h3::cli::addCellsCommand(app);
  stac2h3::cli::addResampleCommand(app);
  stac2h3::cli::addSelectCommand(app);
  stac2h3::cli::addPlotCommand(app);
  stac2h3::cli::addServeCommand(app);
  stac2h3::cli::addH3Command(app);
  stac2h3::cli::addSynthCommand(app);
  stac2h3::cli::addDemoCommand(app);

  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e);  // --help, --version
  } catch (const CLI::ParseError& e) {
    const std::string command = commandPath(app);
    printError((command.empty() ? "" : command + ": ") + parseErrorMessage(app, e) +
               " (see stac2h3 " + (command.empty() ? "" : command + " ") + "--help)");
    return stac2h3::kExitBadInput;
  } catch (const stac2h3::Error& e) {
    printError(e.what());
    return e.exitCode();
  } catch (const std::exception& e) {
    printError(e.what());
    return stac2h3::kExitFailure;
  }
  return 0;
}
