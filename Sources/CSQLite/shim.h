#ifndef REPORT_BROWSER_CSQLITE_SHIM_H
#define REPORT_BROWSER_CSQLITE_SHIM_H

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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

/*
 * Tokens already emitted for the document being tokenized. The index keeps no positions
 * (detail=none), so FTS5 records a token once per row however often it is emitted: emitting
 * each distinct token once gives the very same index, and spares FTS5's hash table the
 * repeats (a third to a half of a Chinese piece's bigrams). A token is at most two scalars,
 * eight bytes and never a zero byte, so its bytes packed into 64 bits identify it; 0 marks a
 * free slot. When the table cannot be had, or fills up, tokens are simply emitted again.
 */
typedef struct {
    uint64_t *slots;
    uint64_t mask;
    uint64_t used;
} rb_token_set;

static inline void rb_token_set_init(rb_token_set *set, uint64_t *local, int localCount, int length) {
    uint64_t wanted = 32;
    /* A slot per byte: a third full for Chinese (three bytes a scalar); text with more tokens
       than half the slots (ASCII) stops being deduplicated when the table is half full. */
    while (wanted < (uint64_t)length && wanted < ((uint64_t)1 << 26)) wanted <<= 1;
    if (wanted <= (uint64_t)localCount) {
        set->slots = local;
    } else {
        set->slots = (uint64_t *)malloc(wanted * sizeof(uint64_t));
    }
    set->mask = set->slots ? wanted - 1 : 0;
    set->used = 0;
    if (set->slots) memset(set->slots, 0, (size_t)wanted * sizeof(uint64_t));
}

static inline void rb_token_set_free(rb_token_set *set, const uint64_t *local) {
    if (set->slots && set->slots != local) free(set->slots);
}

/* 1 when the token is new (and now recorded) or cannot be recorded; 0 for a repeat. */
static inline int rb_token_set_insert(rb_token_set *set, const char *token, int length) {
    if (!set->slots || set->used * 2 >= set->mask) return 1;
    uint64_t key = 0;
    memcpy(&key, token, (size_t)length);
    uint64_t slot = (key * 0x9E3779B97F4A7C15ULL) >> 20;
    for (;;) {
        slot &= set->mask;
        uint64_t held = set->slots[slot];
        if (held == key) return 0;
        if (held == 0) {
            set->slots[slot] = key;
            set->used++;
            return 1;
        }
        slot++;
    }
}

/*
 * A document may come already tokenized (rb_bigram_pack, on the threads that prepare files,
 * so that the one SQLite writer only hands the tokens on): RB_PACKED_MARK, which never starts
 * UTF-8, then each token as its length in one byte and its bytes. Rows are still forgotten
 * through their folded text, which tokenizes to the very same tokens in the same order.
 */
#define RB_PACKED_MARK 0xFF

static inline int rb_emit_packed(
    void *context, const unsigned char *bytes, int length,
    int (*emit)(void *, int, const char *, int, int, int)) {
    int at = 1;
    while (at < length) {
        int tokenLength = bytes[at];
        if (tokenLength == 0 || tokenLength > length - at - 1) return SQLITE_ERROR;
        int status = emit(context, 0, (const char *)bytes + at + 1, tokenLength, 0, 0);
        if (status != SQLITE_OK) return status;
        at += 1 + tokenLength;
    }
    return SQLITE_OK;
}

static inline int rb_bigram_tokenize(
    Fts5Tokenizer *tokenizer, void *context, int flags, const char *text, int length,
    int (*emit)(void *, int, const char *, int, int, int));

typedef struct {
    unsigned char *out;
    int used;
    int capacity;
} rb_pack_buffer;

static inline int rb_pack_token(void *context, int flags, const char *token, int length, int start, int end) {
    (void)flags; (void)start; (void)end;
    rb_pack_buffer *buffer = (rb_pack_buffer *)context;
    if (length <= 0 || length > 255 || buffer->used + 1 + length > buffer->capacity) return SQLITE_FULL;
    buffer->out[buffer->used] = (unsigned char)length;
    memcpy(buffer->out + buffer->used + 1, token, (size_t)length);
    buffer->used += 1 + length;
    return SQLITE_OK;
}

/* The document tokens of `text`, packed into `out` as rb_emit_packed reads them; the bytes
   used, or -1 when they do not fit in `capacity` (3 × length + 1 always suffices). */
static inline int rb_bigram_pack(const char *text, int length, unsigned char *out, int capacity) {
    if (capacity < 1) return -1;
    out[0] = RB_PACKED_MARK;
    rb_pack_buffer buffer = {out, 1, capacity};
    if (rb_bigram_tokenize(NULL, &buffer, FTS5_TOKENIZE_DOCUMENT, text, length, rb_pack_token) != SQLITE_OK) return -1;
    return buffer.used;
}

static inline int rb_bigram_tokenize(
    Fts5Tokenizer *tokenizer, void *context, int flags, const char *text, int length,
    int (*emit)(void *, int, const char *, int, int, int)) {
    (void)tokenizer;
    if (length <= 0) return SQLITE_OK;
    const unsigned char *bytes = (const unsigned char *)text;
    int isQuery = (flags & FTS5_TOKENIZE_QUERY) != 0;
    if (!isQuery && bytes[0] == RB_PACKED_MARK) return rb_emit_packed(context, bytes, length, emit);
    uint64_t local[1024];
    rb_token_set seen = {NULL, 0, 0};
    if (!isQuery) rb_token_set_init(&seen, local, 1024, length);
    int status = SQLITE_OK;
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
            int tokenLength = firstLength + secondLength;
            if (isQuery || rb_token_set_insert(&seen, text + first, tokenLength)) {
                status = emit(context, 0, text + first, tokenLength, first, second + secondLength);
                if (status != SQLITE_OK) break;
            }
        } else if (firstIndexed && !isQuery) {
            if (rb_token_set_insert(&seen, text + first, firstLength)) {
                status = emit(context, 0, text + first, firstLength, first, second);
                if (status != SQLITE_OK) break;
            }
        }
        first = second;
        firstLength = secondLength;
        firstIndexed = secondIndexed;
    }
    if (status == SQLITE_OK && firstIndexed && (!isQuery || first == 0)) {
        if (isQuery || rb_token_set_insert(&seen, text + first, firstLength)) {
            status = emit(context, 0, text + first, firstLength, first, first + firstLength);
        }
    }
    if (!isQuery) rb_token_set_free(&seen, local);
    return status;
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
