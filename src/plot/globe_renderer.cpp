/** @file globe_renderer.cpp
 * @brief GlobeRenderer on Cairo: cells grouped by colour level into one path each (two
 * fills per level, see render()), clipped at the limb.
 */
#include "plot/globe_renderer.h"

#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "geo/sphere_coords.h"
#include "h3/h3.h"
#include "plot/basemap.h"
#include "util/error.h"

namespace stac2h3::plot {

namespace {

// Layout, as fractions of the canvas size.
constexpr double kTitleY = 0.042;
constexpr double kSubtitleY = 0.074;
constexpr double kGlobeCentreY = 0.48;
constexpr double kGlobeRadius = 0.38;
constexpr double kBarLeft = 0.15;
constexpr double kBarWidth = 0.70;
constexpr double kBarTop = 0.895;
constexpr double kBarHeight = 0.025;
constexpr double kLegendTop = 0.875;

// Colours (sRGB 0..1) and line widths (px at 1024, scaled with the size).
constexpr double kOcean[3] = {0.925, 0.937, 0.953};
constexpr double kGraticuleColour[3] = {0.78, 0.80, 0.84};
constexpr double kCoastColour[3] = {0.25, 0.25, 0.25};
constexpr double kLimbColour[3] = {0.55, 0.57, 0.60};
constexpr double kTextColour[3] = {0.1, 0.1, 0.1};
constexpr double kGraticuleWidth = 0.7;
constexpr double kCoastWidth = 0.9;
constexpr double kGraticuleStep = 30.0;
/** Times each colour level is filled when anti-aliased (see the seams in render()). */
constexpr int kSmoothFills = 3;
constexpr const char* kFont = "DejaVu Sans";

void setColour(cairo_t* cr, const double (&rgb)[3]) {
  cairo_set_source_rgb(cr, rgb[0], rgb[1], rgb[2]);
}
void setColour(cairo_t* cr, Rgb rgb) {
  cairo_set_source_rgb(cr, rgb.r / 255.0, rgb.g / 255.0, rgb.b / 255.0);
}

/** Appends the visible part of a closed ring to the current path (clipped at the limb). */
void addClippedRing(cairo_t* cr, const OrthographicView& view, const UnitVector* begin,
                    const UnitVector* end, std::vector<ViewPoint>& scratch) {
  scratch.clear();
  for (const UnitVector* p = begin; p != end; ++p) scratch.push_back(view.project(*p));
  const bool all_visible = std::all_of(scratch.begin(), scratch.end(),
                                       [](const ViewPoint& q) { return q.depth >= 0.0; });
  bool started = false;
  const auto add = [&](const ViewPoint& q) {
    if (started) {
      cairo_line_to(cr, q.x, q.y);
    } else {
      cairo_move_to(cr, q.x, q.y);
      started = true;
    }
  };
  const size_t n = scratch.size();
  for (size_t i = 0; i < n; ++i) {
    const ViewPoint& a = scratch[i];
    if (all_visible) {
      add(a);
      continue;
    }
    // Sutherland-Hodgman against the plane depth = 0; the cut edges run along the limb.
    const ViewPoint& b = scratch[(i + 1) % n];
    if (a.depth >= 0.0) add(a);
    if ((a.depth >= 0.0) != (b.depth >= 0.0)) {
      add(a.depth >= 0.0 ? view.limbCrossing(a, b) : view.limbCrossing(b, a));
    }
  }
  if (started) cairo_close_path(cr);
}

/** Strokes the visible parts of polylines. */
void drawPolylines(cairo_t* cr, const OrthographicView& view, const std::vector<Polyline>& lines) {
  for (const auto& line : lines) {
    bool drawing = false;
    ViewPoint previous{};
    for (size_t i = 0; i < line.size(); ++i) {
      const ViewPoint q = view.project(line[i]);
      const bool visible = q.depth >= 0.0;
      if (i > 0 && visible != (previous.depth >= 0.0)) {
        const ViewPoint limb =
            visible ? view.limbCrossing(q, previous) : view.limbCrossing(previous, q);
        if (visible) {
          cairo_move_to(cr, limb.x, limb.y);
          drawing = true;
        } else {
          cairo_line_to(cr, limb.x, limb.y);
          drawing = false;
        }
      }
      if (visible) {
        if (drawing) {
          cairo_line_to(cr, q.x, q.y);
        } else {
          cairo_move_to(cr, q.x, q.y);
          drawing = true;
        }
      }
      previous = q;
    }
  }
  cairo_stroke(cr);
}

/** About five round tick values inside [lo, hi]. */
std::vector<double> niceTicks(double lo, double hi, double& step) {
  const double raw = (hi - lo) / 5.0;
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  step = magnitude;
  for (double factor : {1.0, 2.0, 2.5, 5.0, 10.0}) {
    step = factor * magnitude;
    if (step >= raw) break;
  }
  std::vector<double> ticks;
  for (double tick = std::ceil(lo / step - 1e-9) * step; tick <= hi + step * 1e-9; tick += step) {
    ticks.push_back(std::abs(tick) < step * 1e-9 ? 0.0 : tick);
  }
  return ticks;
}

std::string formatTick(double value, double step) {
  const int decimals = std::clamp(static_cast<int>(-std::floor(std::log10(step) + 1e-9)), 0, 6);
  char text[48];
  std::snprintf(text, sizeof text, "%.*f",
                decimals + (std::fmod(step * std::pow(10.0, decimals), 1.0) > 1e-6 ? 1 : 0), value);
  return text;
}

void showCentred(cairo_t* cr, const std::string& text, double x, double baseline) {
  cairo_text_extents_t extents;
  cairo_text_extents(cr, text.c_str(), &extents);
  cairo_move_to(cr, x - extents.width / 2 - extents.x_bearing, baseline);
  cairo_show_text(cr, text.c_str());
}

}  // namespace

GlobeRenderer::GlobeRenderer(const std::vector<uint64_t>& cells, int size) : size_(size) {
  if (size < 64 || size > 16384) {
    throw InputError("--size must be 64..16384 px, got " + std::to_string(size));
  }
  offsets_.reserve(cells.size() + 1);
  vertices_.reserve(cells.size() * 6);
  offsets_.push_back(0);
  for (const uint64_t cell : cells) {
    const h3::CellBoundary boundary = h3::cellToBoundary(cell);
    for (int i = 0; i < boundary.count; ++i) {
      vertices_.push_back(toUnitVector(geo::toLonLat(boundary.verts[static_cast<size_t>(i)])));
    }
    offsets_.push_back(static_cast<uint32_t>(vertices_.size()));
  }
}

OrthographicView GlobeRenderer::view(const geo::LonLat& centre) const {
  return OrthographicView(centre, size_ / 2.0, size_ * kGlobeCentreY, size_ * kGlobeRadius);
}

std::optional<ViewPoint> GlobeRenderer::pixelOf(const geo::LonLat& point,
                                                const geo::LonLat& centre) const {
  const ViewPoint q = view(centre).project(toUnitVector(point));
  if (q.depth < 0.0) return std::nullopt;
  return q;
}

PixelRect GlobeRenderer::colourBarRect() const {
  const int left = static_cast<int>(std::lround(size_ * kBarLeft));
  const int right = static_cast<int>(std::lround(size_ * (kBarLeft + kBarWidth)));
  const int top = static_cast<int>(std::lround(size_ * kBarTop));
  const int bottom = static_cast<int>(std::lround(size_ * (kBarTop + kBarHeight)));
  return {left, top, right - left, bottom - top};
}

PixelRect GlobeRenderer::legendRect() const {
  const int top = static_cast<int>(std::lround(size_ * kLegendTop));
  return {0, top, size_, size_ - top};
}

Image GlobeRenderer::render(const std::vector<float>& values, const ColourScale& scale,
                            const Colormap& colormap, const geo::LonLat& centre,
                            const MapLabels& labels, bool smooth_cells) const {
  Image image(size_, size_);
  cairo_t* cr = cairo_create(image.surface());
  const OrthographicView globe = view(centre);
  const double line_scale = size_ / 1024.0;

  // The globe: ocean disc and graticule underneath the cells.
  cairo_arc(cr, globe.cx(), globe.cy(), globe.radius(), 0, 2 * 3.14159265358979323846);
  setColour(cr, kOcean);
  cairo_fill(cr);
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width(cr, kGraticuleWidth * line_scale);
  setColour(cr, kGraticuleColour);
  static const std::vector<Polyline> lines = graticule(kGraticuleStep);
  drawPolylines(cr, globe, lines);

  // Cells, one path per colour level.
  std::vector<std::vector<uint32_t>> by_level(static_cast<size_t>(colormap.levels()));
  const size_t cells = offsets_.size() - 1;
  for (size_t c = 0; c < cells && c < values.size(); ++c) {
    if (!std::isfinite(values[c])) continue;
    by_level[static_cast<size_t>(colormap.level(scale.normalise(values[c])))].push_back(
        static_cast<uint32_t>(c));
  }
  std::vector<ViewPoint> scratch;
  // Without anti-aliasing, neighbours share edge pixels exactly: there are no seams.
  if (!smooth_cells) cairo_set_antialias(cr, CAIRO_ANTIALIAS_NONE);
  for (size_t level = 0; level < by_level.size(); ++level) {
    if (by_level[level].empty()) continue;
    for (const uint32_t c : by_level[level]) {
      const UnitVector* begin = vertices_.data() + offsets_[c];
      const UnitVector* end = vertices_.data() + offsets_[c + 1];
      if (std::none_of(begin, end,
                       [&](const UnitVector& p) { return globe.project(p).depth >= 0.0; })) {
        continue;  // back-facing
      }
      addClippedRing(cr, globe, begin, end, scratch);
    }
    setColour(cr, colormap.colour(static_cast<int>(level)));
    // Anti-aliased, two cells sharing an edge pixel cover a and 1 - a of it, and the ocean
    // would show through as a seam: filling each level k times leaves (a (1 - a))^k of it,
    // at worst 1/4^k, 1.6% for three. (A crisp fill underneath seals the seams too, but
    // makes every outer edge and the limb jagged; stroking the edges costs twice as much.)
    const int fills = smooth_cells ? kSmoothFills : 1;
    for (int fill = 1; fill < fills; ++fill) cairo_fill_preserve(cr);
    cairo_fill(cr);
  }
  cairo_set_antialias(cr, CAIRO_ANTIALIAS_DEFAULT);

  // Coastlines and the limb on top.
  cairo_set_line_width(cr, kCoastWidth * line_scale);
  setColour(cr, kCoastColour);
  drawPolylines(cr, globe, coastlines());
  cairo_arc(cr, globe.cx(), globe.cy(), globe.radius(), 0, 2 * 3.14159265358979323846);
  cairo_set_line_width(cr, 1.0 * line_scale);
  setColour(cr, kLimbColour);
  cairo_stroke(cr);

  // Title and dates.
  cairo_select_font_face(cr, kFont, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  cairo_set_font_size(cr, 0.03 * size_);
  setColour(cr, kTextColour);
  showCentred(cr, labels.title, size_ / 2.0, size_ * kTitleY);
  cairo_select_font_face(cr, kFont, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(cr, 0.022 * size_);
  showCentred(cr, labels.subtitle, size_ / 2.0, size_ * kSubtitleY);

  // Colour bar: one crisp rectangle per level (no anti-aliasing, so no blended edges).
  const PixelRect bar = colourBarRect();
  cairo_set_antialias(cr, CAIRO_ANTIALIAS_NONE);
  for (int level = 0; level < colormap.levels(); ++level) {
    const int x0 = bar.x + bar.width * level / colormap.levels();
    const int x1 = bar.x + bar.width * (level + 1) / colormap.levels();
    cairo_rectangle(cr, x0, bar.y, x1 - x0, bar.height);
    setColour(cr, colormap.colour(level));
    cairo_fill(cr);
  }
  cairo_set_antialias(cr, CAIRO_ANTIALIAS_DEFAULT);
  double step = 1.0;
  const double tick_length = 0.008 * size_;
  cairo_set_font_size(cr, 0.018 * size_);
  setColour(cr, kTextColour);
  cairo_set_line_width(cr, 1.0 * line_scale);
  for (const double tick : niceTicks(scale.lo, scale.hi, step)) {
    const double x = bar.x + bar.width * scale.normalise(tick);
    cairo_move_to(cr, x, bar.y + bar.height);
    cairo_line_to(cr, x, bar.y + bar.height + tick_length);
    cairo_stroke(cr);
    showCentred(cr, formatTick(tick, step), x, bar.y + bar.height + tick_length + 0.022 * size_);
  }
  if (!labels.units.empty()) {
    cairo_move_to(cr, bar.x + bar.width + 0.012 * size_, bar.y + bar.height * 0.85);
    cairo_show_text(cr, labels.units.c_str());
  }
  const cairo_status_t status = cairo_status(cr);
  cairo_destroy(cr);
  if (status != CAIRO_STATUS_SUCCESS) {
    throw Error(std::string("drawing the globe failed: ") + cairo_status_to_string(status));
  }
  return image;
}

geo::LonLat dataCentroid(const std::vector<uint64_t>& cells,
                         const std::vector<const std::vector<float>*>& frames) {
  double x = 0.0;
  double y = 0.0;
  double z = 0.0;
  for (size_t c = 0; c < cells.size(); ++c) {
    const bool observed =
        std::any_of(frames.begin(), frames.end(), [&](const std::vector<float>* values) {
          return c < values->size() && std::isfinite((*values)[c]);
        });
    if (!observed) continue;
    const h3::LatLng centre = h3::cellToLatLng(cells[c]);
    x += std::cos(centre.lat) * std::cos(centre.lng);
    y += std::cos(centre.lat) * std::sin(centre.lng);
    z += std::sin(centre.lat);
  }
  if (std::hypot(x, y, z) < 1e-9) return {0.0, 0.0};
  return toLonLat(x, y, z);
}

}  // namespace stac2h3::plot
