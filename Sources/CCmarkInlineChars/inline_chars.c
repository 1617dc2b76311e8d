// Makes cmark-gfm's inline phase safe to run on several threads at once.
//
// cmark-gfm 0.29 (Debian 12's libcmark-gfm) keeps the characters that start an inline
// construct in one table per process. `cmark_parser_finish` calls
// `cmark_manage_extensions_special_characters(parser, 1)` to add its extensions' characters
// (`~` for strikethrough, `:` and `w` for autolinks, `|` for tables) before the inline phase
// and `(parser, 0)` to clear them after it: a parser finishing on another thread meanwhile
// clears them under the first, which then silently misses strikethrough and autolinks.
//
// The library calls that function through its PLT, so this definition, linked into the
// executable, takes its place. The first call that adds characters is passed on to the
// library's own definition (found with `dlsym(RTLD_NEXT, ...)`); from then on the table is
// pinned: later adds would write the same characters again and removals would clear them,
// so both are skipped. Every parser docproof makes attaches the same extensions
// (`CmarkDocument.extensionNames`), so the pinned table is the one each of them would fill.
//
// `CmarkDocument` makes the first parse of the process alone, then asks
// `docproof_cmark_inline_chars_pinned()`: when this definition did not take the library's
// place (a build that binds the call inside the library), it keeps finishing one parser at
// a time under a lock, as before.

#define _GNU_SOURCE
#include "CCmarkInlineChars.h"

#include <dlfcn.h>
#include <stdatomic.h>

typedef struct cmark_parser cmark_parser;
typedef void (*manage_function)(cmark_parser *, int);

static atomic_int pinned = 0;

void cmark_manage_extensions_special_characters(cmark_parser *parser, int add) {
  if (atomic_load_explicit(&pinned, memory_order_acquire) || !add) return;
  manage_function library =
      (manage_function)dlsym(RTLD_NEXT, "cmark_manage_extensions_special_characters");
  // Always found when the library's call reaches this definition: that call comes through
  // the PLT of a loaded libcmark-gfm, whose exported definition is next in the search order.
  if (library == NULL || library == cmark_manage_extensions_special_characters) return;
  library(parser, 1);
  atomic_store_explicit(&pinned, 1, memory_order_release);
}

int docproof_cmark_inline_chars_pinned(void) {
  return atomic_load_explicit(&pinned, memory_order_acquire);
}
