// cicu.c — ICU calls behind plain C types. The only file that includes ICU.
#include "cicu.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/unorm2.h>
#include <unicode/utypes.h>

struct zc_break {
    UBreakIterator *iterator;
};

zc_break *zc_break_open(int32_t kind, const char *locale, const uint16_t *text,
                        int32_t length, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    UBreakIteratorType type = kind == ZC_BREAK_SENTENCE ? UBRK_SENTENCE : UBRK_WORD;
    UBreakIterator *iterator = ubrk_open(type, locale, (const UChar *)text, length, &code);
    *status = code;
    if (U_FAILURE(code) || iterator == NULL) {
        if (iterator) ubrk_close(iterator);
        return NULL;
    }
    zc_break *handle = (zc_break *)malloc(sizeof(zc_break));
    if (handle == NULL) {
        ubrk_close(iterator);
        *status = U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    handle->iterator = iterator;
    return handle;
}

void zc_break_set_text(zc_break *handle, const uint16_t *text, int32_t length,
                       int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    ubrk_setText(handle->iterator, (const UChar *)text, length, &code);
    *status = code;
}

int32_t zc_break_first(zc_break *handle) { return ubrk_first(handle->iterator); }

int32_t zc_break_next(zc_break *handle) { return ubrk_next(handle->iterator); }

int32_t zc_break_rule_status(zc_break *handle) {
    return ubrk_getRuleStatus(handle->iterator);
}

void zc_break_close(zc_break *handle) {
    if (handle == NULL) return;
    ubrk_close(handle->iterator);
    free(handle);
}

int32_t zc_detect_charset(const char *bytes, int32_t length, char *name,
                          int32_t capacity, int32_t *confidence, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    int32_t found = 0;
    *confidence = 0;
    if (capacity > 0) name[0] = '\0';
    UCharsetDetector *detector = ucsdet_open(&code);
    if (U_SUCCESS(code)) ucsdet_setText(detector, bytes, length, &code);
    const UCharsetMatch *match = U_SUCCESS(code) ? ucsdet_detect(detector, &code) : NULL;
    if (U_SUCCESS(code) && match != NULL) {
        const char *matched = ucsdet_getName(match, &code);
        int32_t score = ucsdet_getConfidence(match, &code);
        if (U_SUCCESS(code) && matched != NULL && capacity > 0) {
            strncpy(name, matched, (size_t)capacity - 1);
            name[capacity - 1] = '\0';
            *confidence = score;
            found = 1;
        }
    }
    if (detector) ucsdet_close(detector);
    *status = code;
    return found;
}

int32_t zc_convert_to_utf16(const char *charset, const char *bytes, int32_t length,
                            uint16_t *dest, int32_t capacity, int32_t *error_offset,
                            int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    *error_offset = -1;
    UConverter *converter = ucnv_open(charset, &code);
    if (U_FAILURE(code)) {
        *status = code;
        return 0;
    }
    ucnv_setToUCallBack(converter, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &code);
    const char *source = bytes;
    const char *limit = bytes + length;
    UChar *target = (UChar *)dest;
    UChar *targetLimit = target + capacity;
    int32_t produced = 0;
    // Convert in one call when it fits; count the rest on overflow so the
    // caller can size its buffer.
    while (U_SUCCESS(code)) {
        UChar *before = target;
        ucnv_toUnicode(converter, &target, targetLimit, &source, limit, NULL, 1, &code);
        produced += (int32_t)(target - before);
        if (code == U_BUFFER_OVERFLOW_ERROR) {
            // Keep counting into a scratch buffer.
            UChar scratch[1024];
            code = U_ZERO_ERROR;
            while (1) {
                UChar *t = scratch;
                ucnv_toUnicode(converter, &t, scratch + 1024, &source, limit, NULL, 1, &code);
                produced += (int32_t)(t - scratch);
                if (code == U_BUFFER_OVERFLOW_ERROR) { code = U_ZERO_ERROR; continue; }
                break;
            }
            if (U_SUCCESS(code)) code = U_BUFFER_OVERFLOW_ERROR;
        }
        break;
    }
    if (code > U_ZERO_ERROR && code != U_BUFFER_OVERFLOW_ERROR) {
        *error_offset = (int32_t)(source - bytes);
    }
    ucnv_close(converter);
    *status = code;
    return produced;
}

uint32_t zc_nfkc_single(uint32_t code_point, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    const UNormalizer2 *nfkc = unorm2_getNFKCInstance(&code);
    if (U_FAILURE(code)) {
        *status = code;
        return code_point;
    }
    UChar source[2];
    int32_t sourceLength = 0;
    if (code_point > 0xFFFF) {
        source[0] = (UChar)(0xD7C0 + (code_point >> 10));
        source[1] = (UChar)(0xDC00 | (code_point & 0x3FF));
        sourceLength = 2;
    } else {
        source[0] = (UChar)code_point;
        sourceLength = 1;
    }
    UChar result[8];
    int32_t resultLength = unorm2_normalize(nfkc, source, sourceLength, result, 8, &code);
    *status = code;
    if (U_FAILURE(code)) return code_point;
    if (resultLength == 1) return result[0];
    if (resultLength == 2 && result[0] >= 0xD800 && result[0] < 0xDC00) {
        return 0x10000 + (((uint32_t)result[0] - 0xD800) << 10) + ((uint32_t)result[1] - 0xDC00);
    }
    return code_point;
}

const char *zc_error_name(int32_t status) { return u_errorName((UErrorCode)status); }
