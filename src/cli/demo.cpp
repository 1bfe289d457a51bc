/** @file demo.cpp
 * @brief `stac2h3 demo`: the whole pipeline offline, on synthetic items.
 *
 * The demo runs the real subcommands as a user would type them (each as a child process of
 * this same binary), so it exercises exactly what the README shows and keeps no second copy
 * of any stage's logic. Steps that only read what earlier ones made run at the same time:
 * cells beside resample, the three plots together.
 */
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/day_flag.h"
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

/** One subcommand of the demo: `stac2h3 args...`. */
struct Step {
  std::string title;
  std::vector<std::string> args;
};

/** Starts this very binary with `step.args`; its stdout and stderr go to `log` when given,
 * else to ours. */
pid_t startStep(const Step& step, const std::filesystem::path* log) {
  const auto self = std::filesystem::read_symlink("/proc/self/exe").string();
  std::vector<std::string> argv_storage{self};
  argv_storage.insert(argv_storage.end(), step.args.begin(), step.args.end());
  std::vector<char*> argv;
  for (auto& arg : argv_storage) argv.push_back(arg.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  if (log != nullptr) {
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log->c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  }
  pid_t child = 0;
  const int failed = posix_spawn(&child, self.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (failed != 0) throw Error("demo: cannot start " + self);
  return child;
}

void printCommand(const Step& step) {
  std::fprintf(stderr, "\n== %s\n$ stac2h3", step.title.c_str());
  for (const auto& arg : step.args) std::fprintf(stderr, " %s", arg.c_str());
  std::fprintf(stderr, "\n");
}

/**
 * Runs independent steps at the same time (they share the cores: a stage that cannot use
 * both alone finishes sooner beside another) and throws when one fails. A lone step writes
 * to the terminal as it goes; concurrent steps write to logs, printed in order afterwards.
 */
void runSteps(const std::vector<Step>& steps) {
  namespace fs = std::filesystem;
  std::vector<fs::path> logs;
  std::vector<pid_t> children;
  for (size_t i = 0; i < steps.size(); ++i) {
    if (steps.size() == 1) {
      printCommand(steps[i]);
      children.push_back(startStep(steps[i], nullptr));
      continue;
    }
    logs.push_back(fs::temp_directory_path() /
                   ("stac2h3-demo-" + std::to_string(getpid()) + "-" + std::to_string(i) + ".log"));
    children.push_back(startStep(steps[i], &logs.back()));
  }
  std::vector<bool> succeeded;
  for (const pid_t child : children) {
    int status = 0;
    waitpid(child, &status, 0);
    succeeded.push_back(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  }
  for (size_t i = 0; i < logs.size(); ++i) {
    printCommand(steps[i]);
    std::ifstream in(logs[i]);
    std::fprintf(stderr, "%s", std::string(std::istreambuf_iterator<char>(in), {}).c_str());
    std::error_code ignored;
    fs::remove(logs[i], ignored);
  }
  for (size_t i = 0; i < steps.size(); ++i) {
    if (!succeeded[i]) throw Error("demo: step '" + steps[i].title + "' failed");
  }
}

void run(const DemoFlags& flags) {
  namespace fs = std::filesystem;
  // Refused here, before the output folder is made, rather than by the first step.
  if (parseDayFlag("--end", flags.end) < parseDayFlag("--start", flags.start)) {
    throw InputError("demo: --end " + flags.end + " is before --start " + flags.start);
  }
  const auto started = std::chrono::steady_clock::now();
  const fs::path dir = flags.output_dir;
  fs::create_directories(dir);
  const auto at = [&](const char* name) { return (dir / name).string(); };
  const std::string res = std::to_string(flags.res);

  std::fprintf(stderr,
               "stac2h3 demo: a global month of SYNTHETIC Sentinel-2-like items (no network), "
               "resampled onto H3 res %d and drawn on a globe, into %s/\n",
               flags.res, dir.c_str());
  runSteps({{"1/6 synthetic items (global, land tiles only)",
             {"synth", "--start", flags.start, "--end", flags.end, "--seed", "1", "--overwrite",
              "-o", at("items.gpkg")}}});
  runSteps({{"2/6 the H3 cells the footprints overlap",
             {"cells", at("items.gpkg"), "--res", res, "--overwrite", "-o", at("cells.gpkg")}},
            {"3/6 area-weighted resampling per cell and day",
             {"resample", at("items.gpkg"), "--res", res, "--var",
              "cloud_cover,nodata,snow_ice,vegetation,not_vegetated,water,"
              "s2_cloud_shadow_percentage,s2_thin_cirrus_percentage",
              "--overwrite", "-o", at("cube.zarr")}}});
  runSteps({{"4/6 mean cloud cover of the month on a globe",
             {"plot", at("cube.zarr"), "--var", "cloud_cover", "--agg", "mean", "-o",
              at("cloud_cover.png")}},
            {"5/6 weekly vegetation as an animated GIF",
             {"plot", at("cube.zarr"), "--var", "vegetation", "--every", "7d", "-o",
              at("vegetation.gif")}},
            {"6/6 an interactive globe (open it in a browser, works from file://)",
             {"plot", at("cube.zarr"), "--var",
              "cloud_cover,snow_ice,vegetation,water,s2_cloud_shadow_percentage,"
              "s2_thin_cirrus_percentage",
              "--every", "7d", "-o", at("globe.html")}}});

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
      "To explore the cube at any zoom and window (viewer and zone-data API, Ctrl-C stops):\n"
      "  stac2h3 serve %s      then open http://127.0.0.1:8000/\n"
      "The data are synthetic; for real ones see the README (stac2h3 download).\n",
      seconds, dir.c_str(), flags.res, at("cube.zarr").c_str(),
      fs::absolute(at("globe.html")).c_str(), at("cube.zarr").c_str());
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
