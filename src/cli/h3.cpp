/** @file h3.cpp
 * @brief `stac2h3 h3 <verb>`: the H3 core on the command line, line-oriented for scripts.
 *
 * Each verb takes its cell (or LAT LNG) as arguments, or reads one per line from stdin
 * when they are omitted, and writes one line per input. Coordinates are decimal degrees
 * (converted as deg * π / 180, like h3-js); numbers are printed in their shortest exact
 * form. A bad cell, coordinate or resolution stops with a one-line error naming the input
 * line, exit status 2.
 */
#include "h3/h3.h"

#include <charconv>
#include <cmath>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/line_io.h"
#include "util/error.h"

namespace stac2h3::cli {
namespace {

constexpr double kPi = 3.14159265358979323846;
/** Above this many output cells per input, `children` and `disk` refuse (memory). */
constexpr int64_t kMaxCellsPerLine = 10'000'000;

/** Names an input in error messages: the argument, or the stdin line. */
struct InputPlace {
  int64_t line = 0;  ///< 0 for a command-line argument
  std::string describe() const {
    return line == 0 ? "argument" : "stdin line " + std::to_string(line);
  }
};

[[noreturn]] void fail(const InputPlace& where, const std::string& what, std::string_view text) {
  throw InputError("h3: " + where.describe() + ": " + what + " '" + std::string(text) + "'");
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

h3::Cell parseCell(std::string_view text, const InputPlace& where) {
  const auto cell = h3::stringToCell(trim(text));
  if (!cell) fail(where, "not a valid H3 cell", text);
  return *cell;
}

/** A whole number in [low, high]. */
int parseInteger(std::string_view text, int low, int high, const char* what,
                 const InputPlace& where) {
  const std::string_view t = trim(text);
  int value = 0;
  const auto result = std::from_chars(t.data(), t.data() + t.size(), value);
  if (t.empty() || result.ec != std::errc{} || result.ptr != t.data() + t.size() || value < low ||
      value > high) {
    fail(where, what, text);
  }
  return value;
}

int parseResolution(std::string_view text, const InputPlace& where) {
  return parseInteger(text, 0, h3::kMaxResolution, "resolution must be 0..15, not", where);
}

/** A finite number of decimal degrees; nullopt when the text is not one. */
std::optional<double> parseDegrees(std::string_view text) {
  const std::string_view t = trim(text);
  const char* first = t.data();
  if (!t.empty() && t.front() == '+') ++first;  // from_chars takes no leading '+'
  double value = 0.0;
  const auto result = std::from_chars(first, t.data() + t.size(), value);
  if (t.empty() || result.ec != std::errc{} || result.ptr != t.data() + t.size() ||
      !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

/** Latitude in [-90, 90] and longitude in [-360, 360] degrees, to radians. */
h3::LatLng toPoint(std::string_view lat_text, std::string_view lng_text, std::string_view whole,
                   const InputPlace& where) {
  const auto lat = parseDegrees(lat_text);
  const auto lng = parseDegrees(lng_text);
  if (!lat || !lng) fail(where, "expected lat,lng in decimal degrees, got", whole);
  if (std::fabs(*lat) > 90.0) fail(where, "latitude out of range (-90..90) in", whole);
  if (std::fabs(*lng) > 360.0) fail(where, "longitude out of range (-360..360) in", whole);
  return {*lat * kPi / 180.0, *lng * kPi / 180.0};
}

void writeLatLng(LineWriter& out, const h3::LatLng& p) {
  out.write(p.lat * 180.0 / kPi);
  out.write(',');
  out.write(p.lng * 180.0 / kPi);
}

void writeCells(LineWriter& out, const std::vector<h3::Cell>& cells) {
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) out.write(' ');
    out.write(h3::cellToString(cells[i]));
  }
}

/** Runs `handle` on the argument when there is one, else on every stdin line; then one
 * output line per input. */
void forEachInput(
    const std::optional<std::string>& argument,
    const std::function<void(std::string_view, const InputPlace&, LineWriter&)>& handle) {
  LineWriter out(stdout);
  if (argument) {
    handle(*argument, InputPlace{}, out);
    out.endLine();
  } else {
    LineReader in(stdin);
    std::string_view line;
    while (in.next(line)) {
      handle(line, InputPlace{in.lineNumber()}, out);
      out.endLine();
    }
  }
  out.flush();
}

/** Positional arguments "[CELL] N": with one value it is N and cells come from stdin. */
struct CellAndNumber {
  std::vector<std::string> values;
  std::optional<std::string> cell() const {
    return values.size() == 2 ? std::optional<std::string>(values[0]) : std::nullopt;
  }
  const std::string& number() const { return values.back(); }
};

void addCellVerb(CLI::App& h3_app) {
  auto* cmd = h3_app.add_subcommand(
      "cell", "The cell holding a point: `cell --res R LAT LNG`, or `lat,lng` lines on stdin.");
  auto res = std::make_shared<std::string>();
  auto coords = std::make_shared<std::vector<std::string>>();
  cmd->add_option("--res,-r", *res, "Resolution, 0 (coarsest) to 15")->required()->type_name("R");
  cmd->add_option("coordinates", *coords, "LAT LNG in decimal degrees (else read stdin)")
      ->expected(0, 2)
      ->type_name("LAT LNG");
  cmd->callback([res, coords] {
    const int r = parseResolution(*res, InputPlace{});
    auto convert = [r](const h3::LatLng& p, LineWriter& out) {
      h3::Cell cell = 0;
      if (h3::latLngToCell(p, r, cell) != h3::Error::kSuccess) throw Error("h3: indexing failed");
      out.write(h3::cellToString(cell));
    };
    if (coords->size() == 1) throw InputError("h3 cell: give both LAT and LNG, or neither");
    if (coords->size() == 2) {
      LineWriter out(stdout);
      const std::string whole = (*coords)[0] + " " + (*coords)[1];
      convert(toPoint((*coords)[0], (*coords)[1], whole, InputPlace{}), out);
      out.endLine();
      out.flush();
      return;
    }
    forEachInput(
        std::nullopt, [&](std::string_view line, const InputPlace& where, LineWriter& out) {
          const size_t comma = line.find(',');
          if (comma == std::string_view::npos) {
            fail(where, "expected lat,lng in decimal degrees, got", line);
          }
          convert(toPoint(line.substr(0, comma), line.substr(comma + 1), line, where), out);
        });
  });
}

/** A verb reading one cell per input and writing one line about it. */
void addCellDescriptionVerb(CLI::App& h3_app, const std::string& name, const std::string& help,
                            std::function<void(h3::Cell, LineWriter&)> describe) {
  auto* cmd = h3_app.add_subcommand(name, help);
  auto cell = std::make_shared<std::vector<std::string>>();
  cmd->add_option("cell", *cell, "A cell id in hex (else one per line on stdin)")
      ->expected(0, 1)
      ->type_name("CELL");
  cmd->callback([cell, describe] {
    const auto argument = cell->empty() ? std::nullopt : std::optional<std::string>(cell->front());
    forEachInput(argument, [&](std::string_view text, const InputPlace& where, LineWriter& out) {
      describe(parseCell(text, where), out);
    });
  });
}

/** A verb taking "[CELL] N": one line of output per cell. */
void addCellNumberVerb(
    CLI::App& h3_app, const std::string& name, const std::string& help,
    const std::string& number_help,
    std::function<void(h3::Cell, const std::string&, const InputPlace&, LineWriter&)> run) {
  auto* cmd = h3_app.add_subcommand(name, help);
  auto args = std::make_shared<CellAndNumber>();
  cmd->add_option("arguments", args->values,
                  "[CELL] " + number_help + " (cells from stdin when CELL is omitted)")
      ->expected(1, 2)
      ->required()
      ->type_name("[CELL] " + number_help);
  cmd->callback([args, run] {
    forEachInput(args->cell(),
                 [&](std::string_view text, const InputPlace& where, LineWriter& out) {
                   run(parseCell(text, where), args->number(), where, out);
                 });
  });
}

}  // namespace

void addH3Command(CLI::App& app) {
  auto* h3_app = app.add_subcommand(
      "h3", "The H3 grid, line by line: cell, boundary, center, area, parent, children, disk.");
  h3_app->require_subcommand(1);

  addCellVerb(*h3_app);
  addCellDescriptionVerb(
      *h3_app, "boundary",
      "A cell's vertices as `lat,lng` pairs separated by spaces, counter-clockwise.",
      [](h3::Cell cell, LineWriter& out) {
        const h3::CellBoundary b = h3::cellToBoundary(cell);
        for (int v = 0; v < b.count; ++v) {
          if (v > 0) out.write(' ');
          writeLatLng(out, b.verts[v]);
        }
      });
  addCellDescriptionVerb(
      *h3_app, "center", "A cell's centre as `lat,lng`.",
      [](h3::Cell cell, LineWriter& out) { writeLatLng(out, h3::cellToLatLng(cell)); });
  addCellDescriptionVerb(*h3_app, "area", "A cell's exact area in km² on the authalic sphere.",
                         [](h3::Cell cell, LineWriter& out) { out.write(h3::cellAreaKm2(cell)); });
  addCellNumberVerb(
      *h3_app, "parent", "A cell's ancestor: `parent CELL RES`.", "RES",
      [](h3::Cell cell, const std::string& number, const InputPlace& where, LineWriter& out) {
        const int res = parseResolution(number, InputPlace{});
        h3::Cell parent = 0;
        if (h3::cellToParent(cell, res, parent) != h3::Error::kSuccess) {
          fail(where, "resolution " + number + " is finer than the cell", h3::cellToString(cell));
        }
        out.write(h3::cellToString(parent));
      });
  addCellNumberVerb(
      *h3_app, "children", "A cell's descendants, space-separated: `children CELL RES`.", "RES",
      [](h3::Cell cell, const std::string& number, const InputPlace& where, LineWriter& out) {
        const int res = parseResolution(number, InputPlace{});
        const int64_t count = h3::cellToChildrenSize(cell, res);
        if (count < 0) {
          fail(where, "resolution " + number + " is coarser than the cell", h3::cellToString(cell));
        }
        if (count > kMaxCellsPerLine) {
          fail(where, "too many children at resolution " + number + " of", h3::cellToString(cell));
        }
        std::vector<h3::Cell> children;
        h3::cellToChildren(cell, res, children);
        writeCells(out, children);
      });
  addCellNumberVerb(
      *h3_app, "disk", "Cells within K steps, space-separated: `disk CELL K`.", "K",
      [](h3::Cell cell, const std::string& number, const InputPlace&, LineWriter& out) {
        // 3k(k+1)+1 cells: k = 1000 is 3 million.
        const int k = parseInteger(number, 0, 1000, "K must be 0..1000, not", InputPlace{});
        writeCells(out, h3::gridDisk(cell, k));
      });
}

}  // namespace stac2h3::cli
