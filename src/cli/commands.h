/** @file commands.h
 * @brief One registration function per subcommand; each lives in its own file in src/cli/.
 *
 * A registration adds the subcommand, its flags and help text to the app, and sets a
 * callback that does the work by calling the libraries. Errors are thrown as
 * stac2h3::Error and printed by main() as one line.
 */
#pragma once

#include <CLI/CLI.hpp>

namespace stac2h3::cli {

// Registrations, in the order `stac2h3 --help` lists them (one line each, added by the
// file that implements the subcommand).
void addDownloadCommand(CLI::App& app);  // download.cpp
void addImportCommand(CLI::App& app);    // import.cpp
void addSimplifyCommand(CLI::App& app);  // simplify.cpp
void addCellsCommand(CLI::App& app);     // cells.cpp
void addResampleCommand(CLI::App& app);  // resample.cpp
void addSelectCommand(CLI::App& app);    // select.cpp
void addPlotCommand(CLI::App& app);      // plot.cpp
void addServeCommand(CLI::App& app);     // serve.cpp
void addH3Command(CLI::App& app);        // h3.cpp
void addSynthCommand(CLI::App& app);     // synth.cpp
void addDemoCommand(CLI::App& app);      // demo.cpp

}  // namespace stac2h3::cli
