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
 * folded) text are one token. Chinese has no spaces, so word tokenizers cannot find a
 * two-character word; bigrams can, and any substring of two or more scalars occurs only where
 * all its bigrams do. Punctuation and spaces (about a quarter of the bigrams of Chinese prose)
 * are left out: a bigram with one of them is not a token, and queries skip it too, which only
 * widens the candidates the matcher confirms. A character that starts no token (it is last,
 * or punctuation follows) is a one-scalar token, so a one-character query, the prefix query
 * "X"*, finds every occurrence. In queries only bigrams are produced, or the scalar itself
 * when the text is one scalar, so a quoted bigram is exactly one token.
 * rb_is_indexed must agree with IndexedSearch.isIndexed in Swift.
 */
static inline int rb_scalar_length(unsigned char lead) {
    if (lead < 0xC0) return 1; /* ASCII, or a stray continuation byte taken alone */
    if (lead < 0xE0) return 2;
    if (lead < 0xF0) return 3;
    return 4;
}

static inline unsigned int rb_scalar_value(const unsigned char *bytes, int length) {
    switch (length) {
    case 1: return bytes[0];
    case 2: return ((unsigned int)(bytes[0] & 0x1F) << 6) | (bytes[1] & 0x3F);
    case 3: return ((unsigned int)(bytes[0] & 0x0F) << 12) | ((unsigned int)(bytes[1] & 0x3F) << 6) | (bytes[2] & 0x3F);
    default:
        return ((unsigned int)(bytes[0] & 0x07) << 18) | ((unsigned int)(bytes[1] & 0x3F) << 12)
            | ((unsigned int)(bytes[2] & 0x3F) << 6) | (bytes[3] & 0x3F);
    }
}

/* Letters, digits and every non-ASCII scalar except the punctuation blocks. */
static inline int rb_is_indexed(unsigned int scalar) {
    if (scalar < 0x80) {
        return (scalar >= '0' && scalar <= '9') || (scalar >= 'a' && scalar <= 'z') || (scalar >= 'A' && scalar <= 'Z');
    }
    if (scalar >= 0x2000 && scalar <= 0x206F) return 0; /* general punctuation: “” … — */
    if (scalar >= 0x3000 && scalar <= 0x303F) return 0; /* CJK punctuation: 、。《》【】 */
    if (scalar >= 0xFE30 && scalar <= 0xFE4F) return 0; /* CJK compatibility forms */
    if (scalar >= 0xFF00 && scalar <= 0xFF0F) return 0; /* full-width punctuation left by folding */
    return 1;
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
    const unsigned char *bytes = (const unsigned char *)text;
    int isQuery = (flags & FTS5_TOKENIZE_QUERY) != 0;
    int first = 0;
    int firstLength = rb_scalar_length(bytes[0]);
    if (firstLength > length) firstLength = length;
    int firstIndexed = rb_is_indexed(rb_scalar_value(bytes, firstLength));
    while (first + firstLength < length) {
        int second = first + firstLength;
        int secondLength = rb_scalar_length(bytes[second]);
        if (secondLength > length - second) secondLength = length - second;
        int secondIndexed = rb_is_indexed(rb_scalar_value(bytes + second, secondLength));
        if (firstIndexed && secondIndexed) {
            int status = emit(context, 0, text + first, firstLength + secondLength, first, second + secondLength);
            if (status != SQLITE_OK) return status;
        } else if (firstIndexed && !isQuery) {
            int status = emit(context, 0, text + first, firstLength, first, second);
            if (status != SQLITE_OK) return status;
        }
        first = second;
        firstLength = secondLength;
        firstIndexed = secondIndexed;
    }
    if (firstIndexed && (!isQuery || first == 0)) {
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
