#ifndef DOCPROOF_CMARK_INLINE_CHARS_H
#define DOCPROOF_CMARK_INLINE_CHARS_H

/// Whether cmark-gfm's table of special inline characters is pinned: filled once by the
/// first parser that finished, and neither filled nor cleared by any parser since. Only
/// then may parsers finish on several threads at once (see inline_chars.c).
int docproof_cmark_inline_chars_pinned(void);

#endif
