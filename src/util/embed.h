/** @file embed.h
 * @brief Embedding a file into the binary with the assembler's .incbin, which keeps large
 * data out of the C++ compiler (and out of ISO C++'s string-literal length limits).
 *
 * STAC2H3_EMBED(symbol, path) defines `symbol_begin` and `symbol_end` (the bytes of the file
 * at `path`, a string literal, followed by a NUL). Make the including source file depend on
 * the embedded file in CMake (OBJECT_DEPENDS), since the compiler does not track it.
 */
#pragma once

#define STAC2H3_EMBED(symbol, path)         \
  asm(".pushsection .rodata\n"              \
      ".global " #symbol "_begin\n" #symbol \
      "_begin:\n"                           \
      ".incbin \"" path                     \
      "\"\n"                                \
      ".global " #symbol "_end\n" #symbol   \
      "_end:\n"                             \
      ".byte 0\n"                           \
      ".popsection\n");                     \
  extern "C" const char symbol##_begin[];   \
  extern "C" const char symbol##_end[];
