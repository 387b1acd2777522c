// libxml2 built with ICU pulls <unicode/ucnv.h> into its encoding header, which clashes with
// the ICU that Foundation carries. Nothing here uses libxml2's ICU converters (text reaches
// the parser as UTF-8 already), so the declaration is hidden from Swift.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>

/// `xmlFree` is a global function pointer, which Swift 6 refuses to read without isolation.
static inline void report_xml_free(void *pointer) { xmlFree(pointer); }
