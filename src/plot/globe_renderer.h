/** @file globe_renderer.h
 * @brief Draws one frame: an orthographic globe with the cells filled by colour, the
 * graticule and coastlines, a title and a labelled colour bar.
 */
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "geo/geometry.h"
#include "plot/colormap.h"
#include "plot/image.h"
#include "plot/orthographic.h"

namespace stac2h3::plot {

/** The texts around the globe. */
struct MapLabels {
  std::string title;     ///< e.g. "cloud_cover, mean"
  std::string subtitle;  ///< the frame's dates
  std::string units;     ///< shown at the end of the colour bar
};

/** A rectangle of pixels, [x, x+width) x [y, y+height). */
struct PixelRect {
  int x = 0;
  int y = 0;
  int width = 0;
  int height = 0;
};

/** Renders frames of one set of cells; the cell boundaries are computed once, here. */
class GlobeRenderer {
 public:
  /**
   * @param cells  H3 cell ids (valid cells; their boundaries come from the H3 core).
   * @param size   canvas width and height in pixels, >= 64.
   * @throws InputError when size is out of range.
   */
  GlobeRenderer(const std::vector<uint64_t>& cells, int size);

  int size() const { return size_; }

  /**
   * Draws one frame.
   * @param values  one per cell (NaN: not drawn).
   * @param scale   the value range of the colour map (shared by all frames of a GIF).
   * @param colormap  the colours, at its quantisation.
   * @param centre  the point at the middle of the globe (degrees).
   * @param smooth_cells  anti-alias the cells' edges; off for GIF frames, whose fixed
   *        palette has no room for the blends and whose LZW compresses crisp edges better.
   */
  Image render(const std::vector<float>& values, const ColourScale& scale, const Colormap& colormap,
               const geo::LonLat& centre, const MapLabels& labels, bool smooth_cells = true) const;

  /** Where `point` is drawn with `centre` in the middle; nullopt on the far side. */
  std::optional<ViewPoint> pixelOf(const geo::LonLat& point, const geo::LonLat& centre) const;
  /** The colour bar's gradient, identical in every frame of the same scale and map. */
  PixelRect colourBarRect() const;
  /** Everything below the globe: the colour bar with its ticks, labels and units. */
  PixelRect legendRect() const;

 private:
  OrthographicView view(const geo::LonLat& centre) const;

  int size_;
  /** Boundary vertices of all cells, back to back; cell i owns [offsets_[i], offsets_[i+1]). */
  std::vector<UnitVector> vertices_;
  std::vector<uint32_t> offsets_;
};

/**
 * The centre of the data: the normalised mean of the unit vectors of the cells that have a
 * finite value in any of `frames`; (0, 0) when none does or they cancel out.
 */
geo::LonLat dataCentroid(const std::vector<uint64_t>& cells,
                         const std::vector<const std::vector<float>*>& frames);

}  // namespace stac2h3::plot
