#ifndef REPORT_BROWSER_CLIBZIP_SHIM_H
#define REPORT_BROWSER_CLIBZIP_SHIM_H

/*
 * libzip (Debian's libzip-dev) reads the ZIP container of a Word document. It is opened on the
 * first Word document rather than linked: libzip needs libcrypto, whose loading would cost every
 * process some milliseconds, and only the Word importer reads ZIP files. The header gives the
 * types; the entry points are looked up by name once.
 */
#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>
#include <zip.h>

typedef struct {
    __typeof__(&zip_source_buffer_create) sourceBufferCreate;
    __typeof__(&zip_source_free) sourceFree;
    __typeof__(&zip_open_from_source) openFromSource;
    __typeof__(&zip_discard) discard;
    __typeof__(&zip_name_locate) nameLocate;
    __typeof__(&zip_stat_index) statIndex;
    __typeof__(&zip_fopen_index) fopenIndex;
    __typeof__(&zip_fread) fread;
    __typeof__(&zip_fclose) fclose;
    __typeof__(&zip_error_init) errorInit;
    __typeof__(&zip_error_fini) errorFini;
    __typeof__(&zip_file_get_error) fileError;
    __typeof__(&zip_error_code_zip) errorCode;
} rb_libzip_api;

/* Function-local statics: Swift's importer emits no file-scope ones from a header. */
static inline rb_libzip_api *rb_libzip_storage(void) {
    static rb_libzip_api api;
    return &api;
}

static inline void rb_libzip_load(void) {
    /* The SONAME changed with libzip's ABI (4 in Debian 12, 5 later); the calls used here did not. */
    static const char *const names[] = {"libzip.so.5", "libzip.so.4", "libzip.so"};
    void *library = NULL;
    for (size_t i = 0; i < sizeof names / sizeof names[0] && !library; i++) library = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    if (!library) return;
    rb_libzip_api *api = rb_libzip_storage();
    api->sourceBufferCreate = (__typeof__(api->sourceBufferCreate))dlsym(library, "zip_source_buffer_create");
    api->sourceFree = (__typeof__(api->sourceFree))dlsym(library, "zip_source_free");
    api->openFromSource = (__typeof__(api->openFromSource))dlsym(library, "zip_open_from_source");
    api->discard = (__typeof__(api->discard))dlsym(library, "zip_discard");
    api->nameLocate = (__typeof__(api->nameLocate))dlsym(library, "zip_name_locate");
    api->statIndex = (__typeof__(api->statIndex))dlsym(library, "zip_stat_index");
    api->fopenIndex = (__typeof__(api->fopenIndex))dlsym(library, "zip_fopen_index");
    api->fread = (__typeof__(api->fread))dlsym(library, "zip_fread");
    api->fclose = (__typeof__(api->fclose))dlsym(library, "zip_fclose");
    api->errorInit = (__typeof__(api->errorInit))dlsym(library, "zip_error_init");
    api->errorFini = (__typeof__(api->errorFini))dlsym(library, "zip_error_fini");
    api->fileError = (__typeof__(api->fileError))dlsym(library, "zip_file_get_error");
    api->errorCode = (__typeof__(api->errorCode))dlsym(library, "zip_error_code_zip");
    if (!(api->sourceBufferCreate && api->sourceFree && api->openFromSource && api->discard && api->nameLocate
          && api->statIndex && api->fopenIndex && api->fread && api->fclose && api->errorInit && api->errorFini && api->fileError && api->errorCode)) {
        api->openFromSource = NULL;
    }
}

/* The entry points, loaded once (whichever thread asks first); NULL when libzip cannot be opened. */
static inline const rb_libzip_api *rb_libzip_functions(void) {
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, rb_libzip_load);
    return rb_libzip_storage()->openFromSource ? rb_libzip_storage() : NULL;
}

/* An archive over `length` bytes at `data`, which must outlive it; NULL when libzip is missing
   (`*missing` set) or the bytes are not a readable ZIP archive. */
static inline zip_t *rb_libzip_open(const void *data, zip_uint64_t length, int *missing) {
    const rb_libzip_api *api = rb_libzip_functions();
    *missing = api == NULL;
    if (!api) return NULL;
    zip_error_t error;
    api->errorInit(&error);
    zip_source_t *source = api->sourceBufferCreate(data, length, 0, &error);
    zip_t *archive = NULL;
    if (source) {
        archive = api->openFromSource(source, ZIP_RDONLY, &error);
        /* On success the archive owns the source; on failure it is still ours to free. */
        if (!archive) api->sourceFree(source);
    }
    api->errorFini(&error);
    return archive;
}

/* The following take an archive rb_libzip_open returned, so the functions are loaded. */
static inline void rb_libzip_close(zip_t *archive) { rb_libzip_functions()->discard(archive); }

/* The entry's index, or -1 when the archive has no entry of that name. */
static inline zip_int64_t rb_libzip_locate(zip_t *archive, const char *name) {
    return rb_libzip_functions()->nameLocate(archive, name, 0);
}

/* 0 on success, with every field this project reads present. */
static inline int rb_libzip_stat(zip_t *archive, zip_uint64_t index, zip_stat_t *stat) {
    if (rb_libzip_functions()->statIndex(archive, index, 0, stat) != 0) return -1;
    const zip_uint64_t needed = ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_CRC | ZIP_STAT_COMP_METHOD | ZIP_STAT_ENCRYPTION_METHOD;
    return (stat->valid & needed) == needed ? 0 : -1;
}

static inline zip_file_t *rb_libzip_open_entry(zip_t *archive, zip_uint64_t index) {
    return rb_libzip_functions()->fopenIndex(archive, index, 0);
}

/* Bytes read into `buffer` (0 at the end), -2 when the entry's CRC is wrong (libzip checks it
   as the end is read), or -1 when it is damaged otherwise. */
static inline zip_int64_t rb_libzip_read(zip_file_t *file, void *buffer, zip_uint64_t capacity) {
    const rb_libzip_api *api = rb_libzip_functions();
    zip_int64_t read = api->fread(file, buffer, capacity);
    if (read >= 0) return read;
    return api->errorCode(api->fileError(file)) == ZIP_ER_CRC ? -2 : -1;
}

static inline int rb_libzip_close_entry(zip_file_t *file) { return rb_libzip_functions()->fclose(file); }

#endif
