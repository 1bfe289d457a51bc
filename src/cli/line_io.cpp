/** @file line_io.cpp
 * @brief Block-buffered line reading and writing.
 */
#include "cli/line_io.h"

#include <charconv>
#include <cstring>

#include "util/error.h"

namespace stac2h3::cli {
namespace {

constexpr size_t kBlockSize = size_t{1} << 20;

}  // namespace

LineReader::LineReader(std::FILE* in) : in_(in), buffer_(kBlockSize) {}

bool LineReader::refill() {
  if (eof_) return false;
  if (begin_ > 0) {
    std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  if (end_ == buffer_.size()) buffer_.resize(buffer_.size() * 2);  // a very long line
  const size_t read = std::fread(buffer_.data() + end_, 1, buffer_.size() - end_, in_);
  if (read == 0) {
    if (std::ferror(in_)) throw Error("cannot read the input");
    eof_ = true;
    return false;
  }
  end_ += read;
  return true;
}

bool LineReader::next(std::string_view& line) {
  size_t searched = begin_;
  while (true) {
    const void* newline = std::memchr(buffer_.data() + searched, '\n', end_ - searched);
    if (newline != nullptr) {
      const size_t eol = static_cast<size_t>(static_cast<const char*>(newline) - buffer_.data());
      line = std::string_view(buffer_.data() + begin_, eol - begin_);
      begin_ = eol + 1;
      break;
    }
    const size_t unread_before = end_ - begin_;
    if (!refill()) {
      if (begin_ == end_) return false;
      line = std::string_view(buffer_.data() + begin_, end_ - begin_);
      begin_ = end_;
      break;
    }
    searched = begin_ + unread_before;  // only the new bytes can hold the newline
  }
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  ++line_number_;
  return true;
}

LineWriter::LineWriter(std::FILE* out) : out_(out) {
  buffer_.reserve(kBlockSize + 4096);
}

LineWriter::~LineWriter() {
  if (!buffer_.empty()) std::fwrite(buffer_.data(), 1, buffer_.size(), out_);
  std::fflush(out_);
}

void LineWriter::write(std::string_view text) {
  buffer_.append(text);
}

void LineWriter::write(double value) {
  char text[32];
  const auto result = std::to_chars(text, text + sizeof text, value);
  buffer_.append(text, result.ptr);
}

void LineWriter::endLine() {
  buffer_.push_back('\n');
  if (buffer_.size() >= kBlockSize) flush();
}

void LineWriter::flush() {
  if (std::fwrite(buffer_.data(), 1, buffer_.size(), out_) != buffer_.size() ||
      std::fflush(out_) != 0) {
    buffer_.clear();
    throw Error("cannot write the output");
  }
  buffer_.clear();
}

}  // namespace stac2h3::cli
