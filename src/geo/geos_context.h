/** @file geos_context.h
 * @brief The GEOS reentrant API's per-thread context and an owning pointer for its
 * geometries, shared by the code in src/geo that hands planar work to GEOS.
 */
#pragma once

#include <geos_c.h>

#include <memory>

namespace stac2h3::geo {

/** One GEOS context per thread: the reentrant API needs one, and creating it per call would
 * cost more than most operations. */
inline GEOSContextHandle_t geosContext() {
  struct Holder {
    GEOSContextHandle_t handle = GEOS_init_r();
    ~Holder() { GEOS_finish_r(handle); }
  };
  thread_local Holder holder;
  return holder.handle;
}

/** Destroys a geometry in the calling thread's context. */
struct GeosDeleter {
  void operator()(GEOSGeometry* g) const { GEOSGeom_destroy_r(geosContext(), g); }
};
using GeosPtr = std::unique_ptr<GEOSGeometry, GeosDeleter>;

}  // namespace stac2h3::geo
