#ifndef REPORT_BROWSER_CICU_SHIM_H
#define REPORT_BROWSER_CICU_SHIM_H

/*
 * The system ICU (Debian's libicu-dev) for compatibility normalisation and case folding, which
 * Foundation would otherwise provide at the price of loading libFoundation into every process.
 * ICU's entry points carry its version in their names (unorm2_normalize_72); these wrappers
 * give Swift names that do not change with the installed ICU.
 */
#include <dlfcn.h>
#include <pthread.h>
#include <string.h>
#include <unicode/utypes.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/uregex.h>

/* NFKC of `source` into `destination`: the UTF-16 length of the result (which may exceed
   `capacity`, then nothing usable is written), or -1 on an error. */
static inline int32_t rb_icu_nfkc(const UChar *source, int32_t length, UChar *destination, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *nfkc = unorm2_getNFKCInstance(&status);
    if (U_FAILURE(status)) return -1;
    int32_t written = unorm2_normalize(nfkc, source, length, destination, capacity, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) return written;
    return U_FAILURE(status) ? -1 : written;
}

/* Full default case folding (ß → ss), as for caseless matching; same conventions as above. */
static inline int32_t rb_icu_fold_case(const UChar *source, int32_t length, UChar *destination, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t written = u_strFoldCase(destination, capacity, source, length, U_FOLD_CASE_DEFAULT, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) return written;
    return U_FAILURE(status) ? -1 : written;
}

/*
 * ICU regular expressions, the engine NSRegularExpression wraps, so `--regex` keeps its syntax
 * and semantics. libicui18n is opened on the first regex rather than linked: loading it costs
 * every process about a millisecond, and only `--regex` needs it. The entry points are looked
 * up under their versioned names (uregex_open_72), which the headers' renaming macros give.
 */
#define RB_ICU_NAME2(name) #name
#define RB_ICU_NAME(name) RB_ICU_NAME2(name)

typedef struct {
    __typeof__(&uregex_open) open;
    __typeof__(&uregex_close) close;
    __typeof__(&uregex_setText) setText;
    __typeof__(&uregex_findNext) findNext;
    __typeof__(&uregex_start) start;
    __typeof__(&uregex_end) end;
} rb_icu_regex_api;

/* Function-local statics: Swift's importer emits no file-scope ones from a header. */
static inline rb_icu_regex_api *rb_icu_regex_storage(void) {
    static rb_icu_regex_api api;
    return &api;
}

static inline void rb_icu_regex_load(void) {
    void *library = dlopen("libicui18n.so." RB_ICU_NAME(U_ICU_VERSION_MAJOR_NUM), RTLD_NOW | RTLD_LOCAL);
    if (!library) return;
    rb_icu_regex_api *api = rb_icu_regex_storage();
    api->open = (__typeof__(api->open))dlsym(library, RB_ICU_NAME(uregex_open));
    api->close = (__typeof__(api->close))dlsym(library, RB_ICU_NAME(uregex_close));
    api->setText = (__typeof__(api->setText))dlsym(library, RB_ICU_NAME(uregex_setText));
    api->findNext = (__typeof__(api->findNext))dlsym(library, RB_ICU_NAME(uregex_findNext));
    api->start = (__typeof__(api->start))dlsym(library, RB_ICU_NAME(uregex_start));
    api->end = (__typeof__(api->end))dlsym(library, RB_ICU_NAME(uregex_end));
    if (!(api->open && api->close && api->setText && api->findNext && api->start && api->end)) api->open = NULL;
}

/* The entry points, loaded once (whichever thread asks first); NULL when libicui18n cannot be
   opened, and then `--regex` says so. */
static inline const rb_icu_regex_api *rb_icu_regex_functions(void) {
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, rb_icu_regex_load);
    return rb_icu_regex_storage()->open ? rb_icu_regex_storage() : NULL;
}

/* A compiled pattern, case-insensitive with ^ and $ at line ends (NSRegularExpression's
   [.caseInsensitive, .anchorsMatchLines]); NULL when the pattern is bad, with ICU's error name
   in `error` (at most `errorCapacity` bytes, terminated). */
static inline URegularExpression *rb_icu_regex_open(const UChar *pattern, int32_t length, char *error, int32_t errorCapacity) {
    const rb_icu_regex_api *api = rb_icu_regex_functions();
    if (!api) {
        if (errorCapacity > 0) {
            strncpy(error, "libicui18n." RB_ICU_NAME(U_ICU_VERSION_MAJOR_NUM) " cannot be loaded", (size_t)errorCapacity - 1);
            error[errorCapacity - 1] = 0;
        }
        return NULL;
    }
    UErrorCode status = U_ZERO_ERROR;
    UParseError place;
    URegularExpression *regex = api->open(pattern, length, UREGEX_CASE_INSENSITIVE | UREGEX_MULTILINE, &place, &status);
    if (U_FAILURE(status)) {
        if (errorCapacity > 0) {
            strncpy(error, u_errorName(status), (size_t)errorCapacity - 1);
            error[errorCapacity - 1] = 0;
        }
        if (regex) api->close(regex);
        return NULL;
    }
    return regex;
}

/* Only for a pattern rb_icu_regex_open returned, so the functions are loaded. */
static inline void rb_icu_regex_close(URegularExpression *regex) { rb_icu_regex_functions()->close(regex); }

/* The text must outlive the matching: ICU keeps the pointer. 0 on success. */
static inline int rb_icu_regex_set_text(URegularExpression *regex, const UChar *text, int32_t length) {
    UErrorCode status = U_ZERO_ERROR;
    rb_icu_regex_functions()->setText(regex, text, length, &status);
    return U_FAILURE(status) ? -1 : 0;
}

/* The next match's UTF-16 start and end; 0 when there is none (or on an error). */
static inline int rb_icu_regex_next(URegularExpression *regex, int32_t *start, int32_t *end) {
    const rb_icu_regex_api *api = rb_icu_regex_functions();
    UErrorCode status = U_ZERO_ERROR;
    if (!api->findNext(regex, &status) || U_FAILURE(status)) return 0;
    *start = api->start(regex, 0, &status);
    *end = api->end(regex, 0, &status);
    return U_FAILURE(status) ? 0 : 1;
}

#endif
