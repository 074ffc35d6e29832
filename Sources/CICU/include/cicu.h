// cicu.h — the only C interface zhengce has to ICU (and to the CPU's SHA
// instructions, sha256.c).
//
// Plain C types only: Swift imports this header next to Foundation, which
// carries its own copy of ICU's headers, so no <unicode/*.h> may appear here
// (the two UErrorCode definitions would clash). Every function reports ICU's
// UErrorCode as an int32_t `*status` (0 = success, < 0 = warning, > 0 = error),
// and every handle has a matching close function.
#ifndef ZHENGCE_CICU_H
#define ZHENGCE_CICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

// MARK: - Break iteration

/// Opaque break iterator (wraps UBreakIterator).
typedef struct zc_break zc_break;

/// Which boundaries a break iterator finds.
enum {
    ZC_BREAK_WORD = 0,
    ZC_BREAK_SENTENCE = 1,
};

/// Opens a break iterator over `text` (UTF-16, `length` code units).
/// ICU keeps a pointer to `text`: the caller must keep it alive until close.
/// Exists because `ubrk_open` is a versioned macro Swift cannot call.
zc_break *zc_break_open(int32_t kind, const char *locale, const uint16_t *text,
                        int32_t length, int32_t *status);

/// Points the iterator at new text without reopening it (reuse saves the
/// cost of loading rules and dictionaries).
void zc_break_set_text(zc_break *iterator, const uint16_t *text, int32_t length,
                       int32_t *status);

/// Moves to the first boundary (always 0).
int32_t zc_break_first(zc_break *iterator);

/// The next boundary in UTF-16 units, or -1 when done.
int32_t zc_break_next(zc_break *iterator);

/// Rule status of the boundary just returned (UWordBreak values for words:
/// 0–99 none, 100–199 number, 200–299 letter, 300–399 kana, 400–499 ideographic).
int32_t zc_break_rule_status(zc_break *iterator);

/// Closes the iterator. Safe on NULL.
void zc_break_close(zc_break *iterator);

// MARK: - Charset detection and conversion

/// Guesses the charset of `bytes` with ICU's detector. Writes the canonical
/// name (NUL-terminated, truncated to `capacity`) into `name` and the
/// detector's confidence (0–100) into `*confidence`. Returns 1 when a guess
/// was made, 0 otherwise.
int32_t zc_detect_charset(const char *bytes, int32_t length, char *name,
                          int32_t capacity, int32_t *confidence, int32_t *status);

/// Converts `length` bytes in `charset` to UTF-16, stopping at the first
/// illegal or truncated sequence (status > 0) instead of substituting, so a
/// wrong guess is an error rather than garbage. Returns the number of UTF-16
/// units the full result needs; with `capacity` too small, status is
/// U_BUFFER_OVERFLOW_ERROR (15) and the caller retries with that size.
/// `*error_offset` receives the byte offset of an illegal sequence, or -1.
int32_t zc_convert_to_utf16(const char *charset, const char *bytes, int32_t length,
                            uint16_t *dest, int32_t capacity, int32_t *error_offset,
                            int32_t *status);

// MARK: - Normalisation

/// The NFKC form of one code point when it is a single code point (full-width
/// `１` → `1`, `Ａ` → `A`, `（` → `(`, U+3000 → space); otherwise returns the code
/// point unchanged. Used to build the width-folding table once at start-up.
uint32_t zc_nfkc_single(uint32_t code_point, int32_t *status);

// MARK: - SHA-256

/// Compresses `blocks` 64-byte blocks of `data` into the SHA-256 `state` with
/// the CPU's SHA extensions and returns 1; returns 0, touching nothing, when
/// the CPU has none (the caller then compresses them itself). Not ICU: the one
/// other thing Swift cannot reach, kept in this same C room (sha256.c).
int32_t zc_sha256_blocks(uint32_t state[8], const uint8_t *data, int64_t blocks);

/// SHA-256's 64 round constants, for the compression written in Swift.
const uint32_t *zc_sha256_round_constants(void);

/// The name of an ICU error code, for messages.
const char *zc_error_name(int32_t status);

#ifdef __cplusplus
}
#endif

#endif
