/** @file zarr_cube_writer.cpp
 * @brief The Zarr v2 cube writer over GDAL's multidimensional API (see zarr_cube_writer.h).
 */
#include "store/zarr_cube_writer.h"

#include <gdal_priv.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "store/output_path.h"
#include "util/error.h"

namespace stac2h3::store {

namespace {

using ArrayPtr = std::shared_ptr<GDALMDArray>;

void writeTextAttribute(GDALIHasAttribute& owner, const std::string& name, const std::string& value,
                        const std::string& where) {
  auto attribute = owner.CreateAttribute(name, {}, GDALExtendedDataType::CreateString());
  if (!attribute || !attribute->Write(value.c_str())) {
    throw Error(where + ": cannot write attribute " + name);
  }
}

void writeNumberAttribute(GDALIHasAttribute& owner, const std::string& name, double value,
                          GDALDataType type, const std::string& where) {
  auto attribute = owner.CreateAttribute(name, {}, GDALExtendedDataType::Create(type));
  if (!attribute || !attribute->Write(value)) {
    throw Error(where + ": cannot write attribute " + name);
  }
}

}  // namespace

CubeLayout defaultCubeLayout() {
  return CubeLayout{};
}

struct ZarrCubeWriter::Impl {
  std::string where;
  CubeDescription description;
  CubeLayout layout;
  std::unique_ptr<GDALDataset> dataset;
  std::vector<ArrayPtr> float_arrays;
  ArrayPtr count_array;

  ArrayPtr createArray(GDALGroup& group, const std::string& name,
                       const std::vector<std::shared_ptr<GDALDimension>>& dims, GDALDataType type,
                       CPLStringList options) {
    auto array =
        group.CreateMDArray(name, dims, GDALExtendedDataType::Create(type), options.List());
    if (!array) throw Error(where + ": cannot create array " + name);
    return array;
  }

  CPLStringList dataOptions() const {
    CPLStringList options;
    options.SetNameValue("COMPRESS", "ZSTD");
    options.SetNameValue("ZSTD_LEVEL", std::to_string(layout.zstd_level).c_str());
    const int64_t cell_chunk = std::clamp<int64_t>(
        layout.cell_chunk, 1, std::max<int64_t>(1, static_cast<int64_t>(description.cells.size())));
    const int time_chunk = std::clamp(layout.time_chunk, 1, std::max(1, description.num_days));
    options.SetNameValue("BLOCKSIZE",
                         (std::to_string(time_chunk) + "," + std::to_string(cell_chunk)).c_str());
    return options;
  }

  void create(const std::filesystem::path& path) {
    GDALAllRegister();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("Zarr");
    if (driver == nullptr) throw Error(where + ": GDAL has no Zarr driver");
    CPLStringList dataset_options;
    dataset_options.SetNameValue("FORMAT", "ZARR_V2");
    dataset_options.SetNameValue("CREATE_ZMETADATA", "YES");
    dataset.reset(driver->CreateMultiDimensional(path.c_str(), nullptr, dataset_options.List()));
    if (!dataset) throw Error(where + ": cannot create the Zarr dataset: " + CPLGetLastErrorMsg());
    auto root = dataset->GetRootGroup();

    const auto num_cells = static_cast<GUInt64>(description.cells.size());
    auto time_dim = root->CreateDimension(std::string(cube::kTimeDim), "TEMPORAL", "",
                                          static_cast<GUInt64>(description.num_days));
    auto cell_dim = root->CreateDimension(std::string(cube::kCellDim), "", "", num_cells);
    if (!time_dim || !cell_dim) throw Error(where + ": cannot create the dimensions");

    // Coordinates: one chunk each (small), compressed like the data.
    CPLStringList coordinate_options;
    coordinate_options.SetNameValue("COMPRESS", "ZSTD");
    auto time =
        createArray(*root, std::string(cube::kTimeDim), {time_dim}, GDT_Int32, coordinate_options);
    writeTextAttribute(*time, "units", std::string(cube::kTimeUnits), where);
    writeTextAttribute(*time, "calendar", std::string(cube::kTimeCalendar), where);
    writeTextAttribute(*time, "standard_name", "time", where);
    std::vector<int32_t> days(static_cast<size_t>(description.num_days));
    for (size_t i = 0; i < days.size(); ++i) {
      days[i] = description.first_day + static_cast<int32_t>(i);
    }
    const GUInt64 time_start = 0;
    const size_t time_count = days.size();
    if (!time->Write(&time_start, &time_count, nullptr, nullptr,
                     GDALExtendedDataType::Create(GDT_Int32), days.data())) {
      throw Error(where + ": cannot write the time coordinate");
    }
    time_dim->SetIndexingVariable(time);

    auto cells =
        createArray(*root, std::string(cube::kCellDim), {cell_dim}, GDT_UInt64, coordinate_options);
    writeTextAttribute(*cells, std::string(cube::kGridNameAttr), "h3", where);
    writeNumberAttribute(*cells, std::string(cube::kGridLevelAttr), description.resolution,
                         GDT_Int32, where);
    writeTextAttribute(*cells, "long_name", "H3 cell index", where);
    const GUInt64 cell_start = 0;
    const size_t cell_count = description.cells.size();
    if (cell_count > 0 &&
        !cells->Write(&cell_start, &cell_count, nullptr, nullptr,
                      GDALExtendedDataType::Create(GDT_UInt64), description.cells.data())) {
      throw Error(where + ": cannot write the cell_ids coordinate");
    }
    cell_dim->SetIndexingVariable(cells);

    const std::vector<std::shared_ptr<GDALDimension>> dims = {time_dim, cell_dim};
    for (const auto& spec : cube::kFloatVariables) {
      auto array = createArray(*root, std::string(spec.name), dims, GDT_Float32, dataOptions());
      array->SetNoDataValue(std::numeric_limits<double>::quiet_NaN());
      writeTextAttribute(*array, "units", std::string(spec.units), where);
      writeTextAttribute(*array, "long_name", std::string(spec.long_name), where);
      float_arrays.push_back(array);
    }
    count_array =
        createArray(*root, std::string(cube::kCountVariable.name), dims, GDT_UInt16, dataOptions());
    // No fill value on the count: xarray would mask 0 as missing and turn it into floats.
    writeTextAttribute(*count_array, "units", std::string(cube::kCountVariable.units), where);
    writeTextAttribute(*count_array, "long_name", std::string(cube::kCountVariable.long_name),
                       where);

    for (const auto& [name, value] : description.text_attributes) {
      writeTextAttribute(*root, name, value, where);
    }
    writeNumberAttribute(*root, "resolution", description.resolution, GDT_Int32, where);
    writeNumberAttribute(*root, "item_count", static_cast<double>(description.item_count),
                         GDT_Float64, where);
  }
};

ZarrCubeWriter::ZarrCubeWriter(const std::filesystem::path& path,
                               const CubeDescription& description, const CubeLayout& layout,
                               bool overwrite)
    : impl_(std::make_unique<Impl>()) {
  impl_->where = path.string();
  impl_->description = description;
  impl_->layout = layout;
  if (description.num_days <= 0) throw InputError(impl_->where + ": the cube has no days");
  if (!std::is_sorted(description.cells.begin(), description.cells.end()) ||
      std::adjacent_find(description.cells.begin(), description.cells.end()) !=
          description.cells.end()) {
    throw InputError(impl_->where + ": cell ids are not sorted and unique");
  }
  prepareOutputPath(path, overwrite);
  impl_->create(path);
}

ZarrCubeWriter::~ZarrCubeWriter() {
  try {
    close();
  } catch (const Error&) {
    // The destructor cannot report; callers that care call close() themselves.
  }
}

void ZarrCubeWriter::write(const CubeBlock& block) {
  const auto& description = impl_->description;
  const int64_t offset = static_cast<int64_t>(block.first_day) - description.first_day;
  if (!impl_->dataset) throw Error(impl_->where + ": write after close");
  if (offset < 0 || block.num_days <= 0 || offset + block.num_days > description.num_days) {
    throw Error(impl_->where + ": block of days outside the time axis");
  }
  if (block.num_cells != static_cast<int64_t>(description.cells.size())) {
    throw Error(impl_->where + ": block has the wrong number of cells");
  }
  if (block.num_cells == 0) return;
  const GUInt64 start[2] = {static_cast<GUInt64>(offset), 0};
  const size_t count[2] = {static_cast<size_t>(block.num_days),
                           static_cast<size_t>(block.num_cells)};
  for (size_t v = 0; v < impl_->float_arrays.size(); ++v) {
    if (!impl_->float_arrays[v]->Write(start, count, nullptr, nullptr,
                                       GDALExtendedDataType::Create(GDT_Float32),
                                       block.floats[v].data())) {
      throw Error(impl_->where + ": cannot write " + std::string(cube::kFloatVariables[v].name));
    }
  }
  if (!impl_->count_array->Write(start, count, nullptr, nullptr,
                                 GDALExtendedDataType::Create(GDT_UInt16), block.n_items.data())) {
    throw Error(impl_->where + ": cannot write n_items");
  }
}

void ZarrCubeWriter::close() {
  if (!impl_->dataset) return;
  impl_->float_arrays.clear();
  impl_->count_array.reset();
  // GDAL 3.6 has no GDALDataset::Close(): deleting the dataset flushes the last chunks and
  // .zmetadata, and reports failures through the error state.
  CPLErrorReset();
  impl_->dataset.reset();
  if (CPLGetLastErrorType() == CE_Failure || CPLGetLastErrorType() == CE_Fatal) {
    throw Error(impl_->where + ": cannot finish the Zarr dataset: " + CPLGetLastErrorMsg());
  }
}

}  // namespace stac2h3::store
