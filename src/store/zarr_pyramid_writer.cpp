/** @file zarr_pyramid_writer.cpp
 * @brief The multi-resolution cube: metadata of every level through GDAL, chunks in parallel
 * beside it (see zarr_pyramid_writer.h).
 */
#include "store/zarr_pyramid_writer.h"

#include <cpl_json.h>

#include <algorithm>
#include <string>
#include <vector>

#include "store/output_path.h"
#include "store/zarr_chunk_writer.h"
#include "store/zarr_cube_metadata.h"
#include "util/error.h"

namespace stac2h3::store {

namespace {

/** The zarr-conventions entry that declares the multiscales convention. */
CPLJSONArray conventions() {
  CPLJSONObject multiscales;
  multiscales.Add("uuid", "d35379db-88df-4056-af3a-620245f8e347");
  multiscales.Add("name", "multiscales");
  multiscales.Add("schema_url",
                  "https://raw.githubusercontent.com/zarr-conventions/multiscales/refs/tags/v1/"
                  "schema.json");
  multiscales.Add("spec_url", "https://github.com/zarr-conventions/multiscales/blob/v1/README.md");
  multiscales.Add("description", "Multiscale layout of zarr datasets");
  CPLJSONArray list;
  list.Add(multiscales);
  return list;
}

/** The `multiscales` attribute: one layout entry per level, finest first. */
CPLJSONObject multiscales(std::span<const CubeDescription> levels) {
  CPLJSONArray layout;
  for (const CubeDescription& level : levels) {
    CPLJSONObject dggs;
    dggs.Add("name", "h3");
    dggs.Add("refinement_level", level.resolution);
    dggs.Add("spatial_dimension", std::string(cube::kCellDim));
    dggs.Add("coordinate", std::string(cube::kCellDim));
    dggs.Add("compression", "none");
    CPLJSONObject entry;
    entry.Add("asset", std::to_string(level.resolution));
    entry.Add("dggs", dggs);
    layout.Add(entry);
  }
  CPLJSONObject object;
  object.Add("layout", layout);
  object.Add("resampling_method", std::string(kPyramidResamplingMethod));
  return object;
}

/** A JSON-valued attribute (GDAL writes it into .zattrs as JSON, not as a string). */
void writeJsonAttribute(GDALGroup& group, const std::string& name, const std::string& json,
                        const std::string& where) {
  auto attribute =
      group.CreateAttribute(name, {}, GDALExtendedDataType::CreateString(0, GEDTST_JSON));
  if (!attribute || !attribute->Write(json.c_str())) {
    throw Error(where + ": cannot write attribute " + name);
  }
}

}  // namespace

struct ZarrPyramidWriter::Impl {
  std::string where;
  std::vector<int> resolutions;
  std::vector<ZarrChunkWriter> chunks;  // by level, as `resolutions`
};

ZarrPyramidWriter::ZarrPyramidWriter(const std::filesystem::path& path,
                                     std::span<const CubeDescription> levels,
                                     const CubeLayout& layout, bool overwrite)
    : impl_(std::make_unique<Impl>()) {
  Impl& impl = *impl_;
  impl.where = path.string();
  if (levels.empty()) throw InputError(impl.where + ": a pyramid needs at least one level");
  for (const CubeDescription& level : levels) {
    const std::string name = std::to_string(level.resolution);
    checkCubeDescription(level, impl.where + " level " + name);
    if (std::find(impl.resolutions.begin(), impl.resolutions.end(), level.resolution) !=
        impl.resolutions.end()) {
      throw InputError(impl.where + ": level " + name + " given twice");
    }
    impl.resolutions.push_back(level.resolution);
  }
  prepareOutputPath(path, overwrite);

  // All the metadata first, closed, so that GDAL never holds a data chunk of its own.
  auto dataset = createZarrDataset(path);
  auto root = dataset->GetRootGroup();
  for (const auto& [name, value] : levels.front().text_attributes) {
    writeTextAttribute(*root, name, value, impl.where);
  }
  writeJsonAttribute(*root, "zarr_conventions",
                     conventions().Format(CPLJSONObject::PrettyFormat::Plain), impl.where);
  writeJsonAttribute(*root, "multiscales",
                     multiscales(levels).Format(CPLJSONObject::PrettyFormat::Plain), impl.where);
  for (const CubeDescription& level : levels) {
    const std::string name = std::to_string(level.resolution);
    auto group = root->CreateGroup(name);
    if (!group) throw Error(impl.where + ": cannot create group " + name);
    createCubeArrays(*group, level, layout, impl.where + " level " + name);
  }
  closeZarrDataset(dataset, impl.where);
  // One set of file writing threads (and their buffers) for all the levels.
  const auto files = std::make_shared<UncachedFileWriter>();
  for (const CubeDescription& level : levels) {
    impl.chunks.emplace_back(path / std::to_string(level.resolution), level, layout, files);
  }
}

ZarrPyramidWriter::~ZarrPyramidWriter() = default;

void ZarrPyramidWriter::write(int resolution, const CubeBlock& block) {
  const auto found = std::find(impl_->resolutions.begin(), impl_->resolutions.end(), resolution);
  if (found == impl_->resolutions.end()) {
    throw Error(impl_->where + ": no level " + std::to_string(resolution));
  }
  impl_->chunks[static_cast<size_t>(found - impl_->resolutions.begin())].write(block);
}

void ZarrPyramidWriter::close() {
  for (ZarrChunkWriter& level : impl_->chunks) level.finish();
}

}  // namespace stac2h3::store
