/** @file zarr_cube_reader.cpp
 * @brief ZarrCubeReader on GDAL's multidimensional API (its Zarr driver decodes the chunks
 * and reads only those a request overlaps).
 */
#include "store/zarr_cube_reader.h"

#include <gdal_priv.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>

#include "store/cube_schema.h"
#include "util/error.h"

namespace stac2h3::store {

struct ZarrCubeReader::Impl {
  std::unique_ptr<GDALDataset> dataset;
  std::shared_ptr<GDALGroup> root;  // the cube's group: the store's root, or a pyramid level
  /** Variables opened once and kept: GDAL keeps an array's last decoded chunk, which a
   * fresh array object would decode again on every read. */
  std::map<std::string, std::shared_ptr<GDALMDArray>, std::less<>> variables;
};

namespace {

/** The time-based arrays: two dimensions, time then cell_ids. */
bool isDataArray(const GDALMDArray& array) {
  const auto& dims = array.GetDimensions();
  return dims.size() == 2 && dims[0]->GetName() == cube::kTimeDim &&
         dims[1]->GetName() == cube::kCellDim;
}

/** Whole 1-D coordinate array read as `T`. */
template <typename T>
std::vector<T> readCoordinate(const std::filesystem::path& path, GDALMDArray& array,
                              const GDALExtendedDataType& type) {
  const size_t size = static_cast<size_t>(array.GetDimensions().at(0)->GetSize());
  std::vector<T> values(size);
  const GUInt64 start = 0;
  if (size > 0 && !array.Read(&start, &size, nullptr, nullptr, type, values.data())) {
    throw Error(path.string() + ": cannot read coordinate " + array.GetName());
  }
  return values;
}

/** The pyramid levels of a store: its child groups named by an H3 resolution, finest first
 * (none for a single cube). */
std::vector<int> pyramidLevels(GDALGroup& root) {
  std::vector<int> levels;
  for (const auto& name : root.GetGroupNames()) {
    int level = -1;
    const auto [end, error] = std::from_chars(name.data(), name.data() + name.size(), level);
    if (error == std::errc{} && end == name.data() + name.size() && level >= 0 && level <= 15) {
      levels.push_back(level);
    }
  }
  std::sort(levels.rbegin(), levels.rend());
  return levels;
}

std::string listLevels(const std::vector<int>& levels) {
  std::string text;
  for (const int level : levels) text += (text.empty() ? "" : ", ") + std::to_string(level);
  return text;
}

}  // namespace

ZarrCubeReader::ZarrCubeReader(const std::filesystem::path& path, std::optional<int> level)
    : path_(path), impl_(std::make_unique<Impl>()) {
  GDALAllRegister();
  const char* const drivers[] = {"Zarr", nullptr};
  CPLErrorReset();
  impl_->dataset.reset(GDALDataset::Open(path.c_str(), GDAL_OF_MULTIDIM_RASTER | GDAL_OF_READONLY,
                                         drivers, nullptr, nullptr));
  if (!impl_->dataset) {
    // GDAL's own message says what is broken (e.g. a JSON error in .zmetadata).
    const std::string reason = CPLGetLastErrorMsg();
    throw InputError(path.string() + ": not a Zarr cube (cannot open" +
                     (reason.empty() ? "" : ": " + reason) + ")");
  }
  impl_->root = impl_->dataset->GetRootGroup();
  if (!impl_->root) throw InputError(path.string() + ": Zarr store has no root group");
  levels_ = pyramidLevels(*impl_->root);
  if (!levels_.empty() && !impl_->root->OpenMDArray(std::string(cube::kTimeDim))) {
    const int chosen = level.value_or(levels_.front());
    if (std::find(levels_.begin(), levels_.end(), chosen) == levels_.end()) {
      throw InputError(path.string() + ": no level " + std::to_string(chosen) +
                       " (the pyramid has levels " + listLevels(levels_) + ")");
    }
    impl_->root = impl_->root->OpenGroup(std::to_string(chosen));
    if (!impl_->root) {
      throw InputError(path.string() + ": cannot open level " + std::to_string(chosen));
    }
  } else {
    levels_.clear();
  }

  auto time = impl_->root->OpenMDArray(std::string(cube::kTimeDim));
  auto cells = impl_->root->OpenMDArray(std::string(cube::kCellDim));
  if (!time || time->GetDimensionCount() != 1) {
    throw InputError(path.string() + ": no 1-D '" + std::string(cube::kTimeDim) + "' array");
  }
  if (!cells || cells->GetDimensionCount() != 1) {
    throw InputError(path.string() + ": no 1-D '" + std::string(cube::kCellDim) + "' array");
  }
  // The writer stores days since the epoch; other CF units would need a conversion we do
  // not guess at.
  if (time->GetUnit() != cube::kTimeUnits) {
    throw InputError(path.string() + ": time units are '" + time->GetUnit() + "', expected '" +
                     std::string(cube::kTimeUnits) + "'");
  }
  const auto days_as_double =
      readCoordinate<double>(path, *time, GDALExtendedDataType::Create(GDT_Float64));
  days_.reserve(days_as_double.size());
  for (double day : days_as_double) days_.push_back(static_cast<int32_t>(std::floor(day)));
  cells_ = readCoordinate<uint64_t>(path, *cells, GDALExtendedDataType::Create(GDT_UInt64));
  if (auto attribute = cells->GetAttribute(std::string(cube::kGridLevelAttr))) {
    resolution_ = attribute->ReadAsInt();
  }
  if (levels_.empty()) {
    if (level && *level != resolution_) {
      throw InputError(path.string() + ": a single cube of level " + std::to_string(resolution_) +
                       ", no level " + std::to_string(*level));
    }
    levels_ = {resolution_};
  }
}

ZarrCubeReader::~ZarrCubeReader() = default;

std::vector<std::string> ZarrCubeReader::variables() const {
  // The cube lists its value variables; cubes older than that list are scanned.
  if (auto listed = impl_->root->GetAttribute(std::string(cube::kVariablesAttr))) {
    const char* text = listed->ReadAsString();
    std::vector<std::string> values;
    for (std::string_view rest = text ? text : ""; !rest.empty();) {
      const size_t comma = rest.find(',');
      values.emplace_back(rest.substr(0, comma));
      rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
    }
    return cube::dataVariables(values);
  }
  std::vector<std::string> names;
  for (const auto& name : impl_->root->GetMDArrayNames()) {
    auto array = impl_->root->OpenMDArray(name);
    if (array && isDataArray(*array)) names.push_back(name);
  }
  return names;
}

bool ZarrCubeReader::hasVariable(std::string_view variable) const {
  auto array = impl_->root->OpenMDArray(std::string(variable));
  return array && isDataArray(*array);
}

namespace {

using OpenVariables = std::map<std::string, std::shared_ptr<GDALMDArray>, std::less<>>;

std::shared_ptr<GDALMDArray> openVariable(const std::filesystem::path& path, GDALGroup& root,
                                          OpenVariables& open, std::string_view variable) {
  const auto kept = open.find(variable);
  if (kept != open.end()) return kept->second;
  auto array = root.OpenMDArray(std::string(variable));
  if (!array || !isDataArray(*array)) {
    throw InputError(path.string() + ": no variable '" + std::string(variable) + "'");
  }
  open.emplace(std::string(variable), array);
  return array;
}

}  // namespace

std::string ZarrCubeReader::units(std::string_view variable) const {
  auto array = openVariable(path_, *impl_->root, impl_->variables, variable);
  return array->GetUnit().empty() ? attribute(variable, "units") : array->GetUnit();
}

std::string ZarrCubeReader::attribute(std::string_view variable, std::string_view name) const {
  const auto found = variable.empty()
                         ? impl_->root->GetAttribute(std::string(name))
                         : openVariable(path_, *impl_->root, impl_->variables, variable)
                               ->GetAttribute(std::string(name));
  const char* text =
      found && found->GetDataType().GetClass() == GEDTC_STRING ? found->ReadAsString() : nullptr;
  return text ? text : "";
}

size_t ZarrCubeReader::timeChunk(std::string_view variable) const {
  auto array = openVariable(path_, *impl_->root, impl_->variables, variable);
  const auto blocks = array->GetBlockSize();
  return blocks.empty() || blocks[0] == 0 ? 1 : static_cast<size_t>(blocks[0]);
}

size_t ZarrCubeReader::cellChunk(std::string_view variable) const {
  auto array = openVariable(path_, *impl_->root, impl_->variables, variable);
  const auto blocks = array->GetBlockSize();
  return blocks.size() < 2 || blocks[1] == 0 ? 1 : static_cast<size_t>(blocks[1]);
}

std::vector<double> ZarrCubeReader::numbersAttribute(std::string_view name) const {
  const auto found = impl_->root->GetAttribute(std::string(name));
  if (!found || found->GetDataType().GetClass() != GEDTC_NUMERIC) return {};
  return found->ReadAsDoubleArray();
}

void ZarrCubeReader::readDays(std::string_view variable, size_t first, size_t count,
                              std::vector<float>& out) const {
  readDays(variable, first, count, CellRange{0, cells_.size()}, out);
}

void ZarrCubeReader::readDays(std::string_view variable, size_t first, size_t count,
                              CellRange cells, std::vector<float>& out) const {
  auto array = openVariable(path_, *impl_->root, impl_->variables, variable);
  if (first > days_.size() || count > days_.size() - first) {
    throw InputError(path_.string() + ": days " + std::to_string(first) + "+" +
                     std::to_string(count) + " outside the cube's " + std::to_string(days_.size()));
  }
  if (cells.begin > cells_.size() || cells.count > cells_.size() - cells.begin) {
    throw InputError(path_.string() + ": cells " + std::to_string(cells.begin) + "+" +
                     std::to_string(cells.count) + " outside the cube's " +
                     std::to_string(cells_.size()));
  }
  out.resize(count * cells.count);
  if (out.empty()) return;
  const GUInt64 start[2] = {first, cells.begin};
  const size_t counts[2] = {count, cells.count};
  if (!array->Read(start, counts, nullptr, nullptr, GDALExtendedDataType::Create(GDT_Float32),
                   out.data())) {
    throw Error(path_.string() + ": cannot read " + std::string(variable) + " days " +
                std::to_string(first) + "+" + std::to_string(count));
  }
}

}  // namespace stac2h3::store
