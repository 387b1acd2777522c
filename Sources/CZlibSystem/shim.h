#ifndef REPORT_BROWSER_CZLIB_SHIM_H
#define REPORT_BROWSER_CZLIB_SHIM_H

#include <zlib.h>

/* inflateInit2 is a macro Swift cannot import: a raw deflate stream (ZIP's method 8). */
static inline int rb_inflate_init_raw(z_stream *stream) {
    return inflateInit2(stream, -MAX_WBITS);
}

#endif
