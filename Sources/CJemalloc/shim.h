#ifndef DOCPROOF_CJEMALLOC_SHIM_H
#define DOCPROOF_CJEMALLOC_SHIM_H

/*
 * jemalloc, linked into the docproof executable, takes over malloc and free for the whole
 * process (it comes before glibc in the search order): a check of a large tree allocates
 * millions of small strings and arrays from both cores, which glibc's allocator serves
 * about a fifth slower (Benchmarks/RESULTS.md). Swift code only asks it, for
 * `docproof --version`, its version and what it has served the calling thread.
 */
#include <jemalloc/jemalloc.h>

#endif
