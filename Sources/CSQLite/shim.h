#ifndef REPORT_BROWSER_CSQLITE_SHIM_H
#define REPORT_BROWSER_CSQLITE_SHIM_H

#include <sqlite3.h>
#include <stddef.h>

/* SQLITE_TRANSIENT is a cast macro Swift cannot import. */
static inline sqlite3_destructor_type rb_sqlite_transient(void) {
    return SQLITE_TRANSIENT;
}

/*
 * The FTS5 tokenizer "report_bigram": every two consecutive Unicode scalars of the (already
 * folded) text are one token, and the last scalar of a document is a token of its own.
 * Chinese has no spaces, so word tokenizers cannot find a two-character word; bigrams can,
 * and any substring of two or more scalars occurs only where all its bigrams do. A query for
 * one character is a prefix query ("X"*): every occurrence starts a bigram or is the last
 * scalar. In queries only the bigrams are produced (or the scalar itself when the text is one
 * scalar), so a quoted bigram is exactly one token.
 */
static inline int rb_scalar_length(unsigned char lead) {
    if (lead < 0xC0) return 1; /* ASCII, or a stray continuation byte taken alone */
    if (lead < 0xE0) return 2;
    if (lead < 0xF0) return 3;
    return 4;
}

static inline int rb_bigram_create(void *context, const char **arguments, int count, Fts5Tokenizer **tokenizer) {
    (void)arguments;
    (void)count;
    *tokenizer = (Fts5Tokenizer *)context;
    return SQLITE_OK;
}

static inline void rb_bigram_delete(Fts5Tokenizer *tokenizer) {
    (void)tokenizer;
}

static inline int rb_bigram_tokenize(
    Fts5Tokenizer *tokenizer, void *context, int flags, const char *text, int length,
    int (*emit)(void *, int, const char *, int, int, int)) {
    (void)tokenizer;
    if (length <= 0) return SQLITE_OK;
    int first = 0;
    int firstLength = rb_scalar_length((unsigned char)text[0]);
    if (firstLength > length) firstLength = length;
    while (first + firstLength < length) {
        int second = first + firstLength;
        int secondLength = rb_scalar_length((unsigned char)text[second]);
        if (secondLength > length - second) secondLength = length - second;
        int status = emit(context, 0, text + first, firstLength + secondLength, first, second + secondLength);
        if (status != SQLITE_OK) return status;
        first = second;
        firstLength = secondLength;
    }
    if ((flags & FTS5_TOKENIZE_QUERY) == 0 || first == 0) {
        return emit(context, 0, text + first, firstLength, first, first + firstLength);
    }
    return SQLITE_OK;
}

/* Registers report_bigram on a connection; SQLITE_OK or an error code. */
static inline int rb_register_bigram_tokenizer(sqlite3 *db) {
    static fts5_tokenizer tokenizer = {rb_bigram_create, rb_bigram_delete, rb_bigram_tokenize};
    fts5_api *api = NULL;
    sqlite3_stmt *statement = NULL;
    int status = sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &statement, NULL);
    if (status != SQLITE_OK) return status;
    sqlite3_bind_pointer(statement, 1, (void *)&api, "fts5_api_ptr", NULL);
    sqlite3_step(statement);
    sqlite3_finalize(statement);
    if (api == NULL) return SQLITE_ERROR;
    return api->xCreateTokenizer(api, "report_bigram", (void *)api, &tokenizer, NULL);
}

#endif
