/** @file long_table_writer.cpp
 * @brief The long-table GeoPackage through OGR (see long_table_writer.h).
 */
#include "store/long_table_writer.h"

#include <cmath>
#include <string>
#include <vector>

#include "stac/utc_time.h"
#include "store/ogr_gpkg.h"
#include "util/error.h"

namespace stac2h3::store {

struct LongTableWriter::Impl {
  std::string where;
  GdalDatasetPtr dataset;
  OGRLayer* layer = nullptr;
  std::vector<std::string> cell_names;
  int64_t rows = 0;
  int num_floats = 0;  ///< value variables and obs_fraction
};

LongTableWriter::LongTableWriter(const std::filesystem::path& path,
                                 const CubeDescription& description, bool overwrite)
    : impl_(std::make_unique<Impl>()) {
  impl_->where = path.string();
  impl_->dataset = createGeoPackage(path, overwrite);
  impl_->layer = impl_->dataset->CreateLayer(kObservationsTable, nullptr, wkbNone, nullptr);
  if (impl_->layer == nullptr) failOgr(impl_->where, "cannot create the observations table");
  addField(*impl_->layer, "cell", OFTString, OFSTNone, impl_->where);
  addField(*impl_->layer, "date", OFTDate, OFSTNone, impl_->where);
  for (const std::string& name : description.variables) {
    addField(*impl_->layer, name.c_str(), OFTReal, OFSTNone, impl_->where);
  }
  addField(*impl_->layer, std::string(cube::kObsFraction).c_str(), OFTReal, OFSTNone, impl_->where);
  addField(*impl_->layer, std::string(cube::kCount).c_str(), OFTInteger, OFSTNone, impl_->where);
  impl_->num_floats = static_cast<int>(description.variables.size()) + 1;
  impl_->cell_names.reserve(description.cells.size());
  for (const h3::Cell cell : description.cells) {
    impl_->cell_names.push_back(h3::cellToString(cell));
  }
}

LongTableWriter::~LongTableWriter() = default;

void LongTableWriter::write(const CubeBlock& block) {
  Impl& impl = *impl_;
  if (!impl.dataset) throw Error(impl.where + ": write after close");
  if (block.first_cell < 0 ||
      block.first_cell + block.num_cells > static_cast<int64_t>(impl.cell_names.size())) {
    throw Error(impl.where + ": block of cells outside the cube's");
  }
  if (impl.dataset->StartTransaction() != OGRERR_NONE) {
    failOgr(impl.where, "cannot start a transaction");
  }
  OGRFeature feature(impl.layer->GetLayerDefn());
  constexpr int kFirstValueField = 2;
  const int count_field = kFirstValueField + impl.num_floats;
  if (static_cast<int>(block.floats.size()) != impl.num_floats) {
    throw Error(impl.where + ": block has the wrong number of variables");
  }
  for (int32_t d = 0; d < block.num_days; ++d) {
    const std::string date = stac::formatUtcDay(block.first_day + d);
    for (size_t c = 0; c < static_cast<size_t>(block.num_cells); ++c) {
      const size_t at = static_cast<size_t>(d) * static_cast<size_t>(block.num_cells) + c;
      if (block.n_items[at] == 0) continue;
      feature.SetFID(OGRNullFID);
      feature.SetField(0, impl.cell_names[static_cast<size_t>(block.first_cell) + c].c_str());
      feature.SetField(1, date.c_str());
      for (int v = 0; v < impl.num_floats; ++v) {
        const float value = block.floats[v][at];
        if (std::isnan(value)) {
          feature.SetFieldNull(kFirstValueField + v);
        } else {
          feature.SetField(kFirstValueField + v, static_cast<double>(value));
        }
      }
      feature.SetField(count_field, block.n_items[at]);
      if (impl.layer->CreateFeature(&feature) != OGRERR_NONE) {
        failOgr(impl.where, "cannot write a row");
      }
      ++impl.rows;
    }
  }
  if (impl.dataset->CommitTransaction() != OGRERR_NONE) failOgr(impl.where, "cannot commit");
}

void LongTableWriter::close() {
  if (!impl_->dataset) return;
  CPLErrorReset();
  impl_->dataset.reset();
  if (CPLGetLastErrorType() == CE_Failure) failOgr(impl_->where, "cannot finish the file");
}

int64_t LongTableWriter::rows() const {
  return impl_->rows;
}

}  // namespace stac2h3::store
