#ifndef DOCPROOF_CLIBXML2_SHIM_H
#define DOCPROOF_CLIBXML2_SHIM_H

#include <stdint.h>

/*
 * Debian's libxml2 is built with ICU, so <libxml/encoding.h> includes the system's
 * <unicode/ucnv.h>. Swift's Foundation carries its own copy of ICU as a module, and the two
 * definitions of ICU's types clash in any Swift module that imports both (which of them
 * wins depends on build order, so it shows up in clean builds only). docproof never uses
 * libxml2's ICU converters: keep the system ICU header out and declare the two types
 * libxml2's struct _uconv_t names, with ICU's own C definitions (an opaque struct, and
 * UChar as a 16-bit unsigned integer), so the layout is unchanged.
 */
#ifndef UCNV_H
#define UCNV_H 1
typedef struct UConverter UConverter;
#ifndef UCHAR_TYPE
typedef uint16_t UChar;
#endif
#endif

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlsave.h>
#endif
