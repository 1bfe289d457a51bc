/** @file demo.cpp
 * @brief `stac2h3 demo`: the whole pipeline offline, on synthetic items.
 *
 * The demo runs the real subcommands one after another, as a user would type them (each as
 * a child process of this same binary), so it exercises exactly what the README shows and
 * keeps no second copy of any stage's logic.
 */
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "util/error.h"

extern char** environ;

namespace stac2h3::cli {

namespace {

struct DemoFlags {
  std::string output_dir = "demo-out";
  std::string start = "2025-06-01";
  std::string end = "2025-06-30";
  int res = 3;
};

/** Runs `stac2h3 args...` (this very binary) and throws when it fails. */
void runStep(const std::string& title, const std::vector<std::string>& args) {
  std::fprintf(stderr, "\n== %s\n$ stac2h3", title.c_str());
  for (const auto& arg : args) std::fprintf(stderr, " %s", arg.c_str());
  std::fprintf(stderr, "\n");
  const auto self = std::filesystem::read_symlink("/proc/self/exe").string();
  std::vector<std::string> argv_storage{self};
  argv_storage.insert(argv_storage.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& arg : argv_storage) argv.push_back(arg.data());
  argv.push_back(nullptr);
  pid_t child = 0;
  if (posix_spawn(&child, self.c_str(), nullptr, nullptr, argv.data(), environ) != 0) {
    throw Error("demo: cannot start " + self);
  }
  int status = 0;
  waitpid(child, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    throw Error("demo: step '" + title + "' failed");
  }
}

void run(const DemoFlags& flags) {
  namespace fs = std::filesystem;
  const auto started = std::chrono::steady_clock::now();
  const fs::path dir = flags.output_dir;
  fs::create_directories(dir);
  const auto at = [&](const char* name) { return (dir / name).string(); };
  const std::string res = std::to_string(flags.res);

  std::fprintf(stderr,
               "stac2h3 demo: a global month of SYNTHETIC Sentinel-2-like items (no network), "
               "resampled onto H3 res %d and drawn on a globe, into %s/\n",
               flags.res, dir.c_str());
  runStep("1/6 synthetic items (global, land tiles only)",
          {"synth", "--start", flags.start, "--end", flags.end, "--seed", "1", "--overwrite", "-o",
           at("items.gpkg")});
  runStep("2/6 the H3 cells the footprints overlap",
          {"cells", at("items.gpkg"), "--res", res, "--overwrite", "-o", at("cells.gpkg")});
  runStep("3/6 area-weighted resampling per cell and day",
          {"resample", at("items.gpkg"), "--res", res, "--overwrite", "-o", at("cube.zarr")});
  runStep("4/6 mean cloud cover of the month on a globe",
          {"plot", at("cube.zarr"), "--var", "cloud_cover", "--agg", "mean", "-o",
           at("cloud_cover.png")});
  runStep("5/6 weekly vegetation as an animated GIF",
          {"plot", at("cube.zarr"), "--var", "vegetation", "--every", "7d", "-o",
           at("vegetation.gif")});
  runStep("6/6 an interactive globe (open it in a browser, works from file://)",
          {"plot", at("cube.zarr"), "--var", "cloud_cover,snow_ice,vegetation,water", "--every",
           "7d", "-o", at("globe.html")});

  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::printf(
      "\nstac2h3 demo: done in %.0f s. Made, in %s/:\n"
      "  items.gpkg       synthetic items (GeoPackage table `items`; QGIS, ogrinfo, geopandas)\n"
      "  cells.gpkg       H3 res-%d cell polygons the footprints overlap\n"
      "  cube.zarr        the time x cell cube (python3: xarray.open_zarr('%s'))\n"
      "  cloud_cover.png  mean cloud cover on a globe\n"
      "  vegetation.gif   weekly frames\n"
      "  globe.html       interactive globe: open file://%s\n"
      "The data are synthetic; for real ones see the README (stac2h3 download).\n",
      seconds, dir.c_str(), flags.res, at("cube.zarr").c_str(),
      fs::absolute(at("globe.html")).c_str());
}

}  // namespace

void addDemoCommand(CLI::App& app) {
  auto flags = std::make_shared<DemoFlags>();
  CLI::App* command = app.add_subcommand(
      "demo",
      "Runs the whole pipeline offline on SYNTHETIC items: synth (a global month) -> cells and "
      "resample at res 3 -> globe PNG, GIF and interactive HTML. Prints each step's command.");
  command->add_option("-o,--output", flags->output_dir, "output folder (default demo-out)");
  command->add_option("--start", flags->start, "first day (default 2025-06-01)");
  command->add_option("--end", flags->end, "last day, inclusive (default 2025-06-30)");
  command->add_option("--res", flags->res, "H3 resolution (default 3)")->check(CLI::Range(0, 9));
  command->callback([flags] { run(*flags); });
}

}  // namespace stac2h3::cli
