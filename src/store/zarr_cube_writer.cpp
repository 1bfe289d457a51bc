/** @file zarr_cube_writer.cpp
 * @brief The Zarr v2 cube writer: metadata through GDAL, chunks in parallel beside it (see
 * zarr_cube_writer.h).
 */
#include "store/zarr_cube_writer.h"

#include <optional>
#include <string>

#include "store/output_path.h"
#include "store/zarr_chunk_writer.h"
#include "store/zarr_cube_metadata.h"
#include "util/error.h"

namespace stac2h3::store {

CubeLayout defaultCubeLayout() {
  return CubeLayout{};
}

struct ZarrCubeWriter::Impl {
  std::string where;
  std::optional<ZarrChunkWriter> chunks;  // empty once closed
};

ZarrCubeWriter::ZarrCubeWriter(const std::filesystem::path& path,
                               const CubeDescription& description, const CubeLayout& layout,
                               bool overwrite)
    : impl_(std::make_unique<Impl>()) {
  impl_->where = path.string();
  checkCubeDescription(description, impl_->where);
  prepareOutputPath(path, overwrite);
  // All the metadata first, closed, so that GDAL never holds a data chunk of its own.
  auto dataset = createZarrDataset(path);
  createCubeArrays(*dataset->GetRootGroup(), description, layout, impl_->where);
  closeZarrDataset(dataset, impl_->where);
  impl_->chunks.emplace(path, description, layout);
}

ZarrCubeWriter::~ZarrCubeWriter() = default;

void ZarrCubeWriter::write(const CubeBlock& block) {
  if (!impl_->chunks) throw Error(impl_->where + ": write after close");
  impl_->chunks->write(block);
}

void ZarrCubeWriter::close() {
  if (impl_->chunks) impl_->chunks->finish();
  impl_->chunks.reset();
}

}  // namespace stac2h3::store
