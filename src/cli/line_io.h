/** @file line_io.h
 * @brief Fast line-oriented input and output for the CLI: large block reads and writes, no
 * per-line stream machinery, so a million lines take milliseconds.
 */
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace stac2h3::cli {

/** Reads a stream line by line from a growing block buffer. */
class LineReader {
 public:
  /** @param in an open stream (e.g. stdin); not closed by the reader. */
  explicit LineReader(std::FILE* in);

  /**
   * The next line, without its "\n" or "\r\n". The view stays valid until the next call.
   * @return false at the end of the input. A final line without "\n" is still returned.
   * @throws stac2h3::Error when the stream cannot be read.
   */
  bool next(std::string_view& line);

  /** 1-based number of the line last returned by next(). */
  int64_t lineNumber() const { return line_number_; }

 private:
  /** Moves unread bytes to the front and reads more; false when nothing more came. */
  bool refill();

  std::FILE* in_;
  std::vector<char> buffer_;
  size_t begin_ = 0;  // first unread byte
  size_t end_ = 0;    // one past the last byte read
  bool eof_ = false;
  int64_t line_number_ = 0;
};

/** Collects output in a large buffer and writes it in blocks. */
class LineWriter {
 public:
  /** @param out an open stream (e.g. stdout); not closed by the writer. */
  explicit LineWriter(std::FILE* out);
  /** Flushes; errors at this point are lost, so call flush() to see them. */
  ~LineWriter();
  LineWriter(const LineWriter&) = delete;
  LineWriter& operator=(const LineWriter&) = delete;

  void write(std::string_view text);
  void write(char c) { buffer_.push_back(c); }
  /** Writes a double in its shortest exact (round-trip) decimal form. */
  void write(double value);
  /** Ends the line; writes the buffer out once it is large. */
  void endLine();
  /** Writes everything buffered. @throws stac2h3::Error when the stream fails. */
  void flush();

 private:
  std::FILE* out_;
  std::string buffer_;
};

}  // namespace stac2h3::cli
