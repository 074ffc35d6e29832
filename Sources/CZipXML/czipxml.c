// czipxml.c — zip archives through libzip, XML through libxml2's pull reader.
// The only file that includes their headers (see include/czipxml.h).
#include "czipxml.h"

#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <zip.h>

// MARK: - Zip archives

struct zx_archive {
    zip_t *zip;
};

/// Sorts libzip's error codes into the kinds the readers report.
static int32_t zx_kind_of_zip_error(int code) {
    switch (code) {
    case ZIP_ER_OK: return ZX_OK;
    case ZIP_ER_NOZIP: return ZX_NOT_ZIP;
    case ZIP_ER_NOPASSWD:
    case ZIP_ER_WRONGPASSWD:
    case ZIP_ER_ENCRNOTSUPP: return ZX_ENCRYPTED;
    case ZIP_ER_MEMORY:
    case ZIP_ER_INVAL:
    case ZIP_ER_INTERNAL: return ZX_FAILED;
    default: return ZX_DAMAGED;  // CRC, inconsistent, zlib, read, seek, EOF…
    }
}

zx_archive *zx_archive_open(const uint8_t *bytes, size_t length, int32_t *status) {
    *status = ZX_OK;
    zip_error_t error;
    zip_error_init(&error);
    // An empty buffer still needs a valid pointer for libzip.
    static const uint8_t nothing = 0;
    zip_source_t *source = zip_source_buffer_create(length ? bytes : &nothing, length, 0, &error);
    if (source == NULL) {
        *status = ZX_FAILED;
        zip_error_fini(&error);
        return NULL;
    }
    zip_t *zip = zip_open_from_source(source, ZIP_RDONLY, &error);
    if (zip == NULL) {
        *status = zx_kind_of_zip_error(zip_error_code_zip(&error));
        if (*status == ZX_OK) *status = ZX_DAMAGED;
        zip_source_free(source);
        zip_error_fini(&error);
        return NULL;
    }
    zip_error_fini(&error);
    zx_archive *archive = malloc(sizeof *archive);
    if (archive == NULL) {
        zip_discard(zip);
        *status = ZX_FAILED;
        return NULL;
    }
    archive->zip = zip;  // owns the source now
    return archive;
}

int64_t zx_archive_count(const zx_archive *archive) {
    return zip_get_num_entries(archive->zip, 0);
}

const char *zx_archive_name(zx_archive *archive, int64_t index) {
    if (index < 0) return NULL;
    return zip_get_name(archive->zip, (zip_uint64_t)index, ZIP_FL_ENC_GUESS);
}

int64_t zx_archive_find(zx_archive *archive, const char *name) {
    zip_int64_t index = zip_name_locate(archive->zip, name, ZIP_FL_ENC_GUESS);
    if (index < 0) index = zip_name_locate(archive->zip, name, ZIP_FL_ENC_GUESS | ZIP_FL_NOCASE);
    return index;
}

int64_t zx_archive_declared_size(zx_archive *archive, int64_t index) {
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (index < 0 || zip_stat_index(archive->zip, (zip_uint64_t)index, 0, &stat) != 0) return -1;
    if (!(stat.valid & ZIP_STAT_SIZE) || stat.size > INT64_MAX) return -1;
    return (int64_t)stat.size;
}

int32_t zx_archive_read(zx_archive *archive, int64_t index, uint64_t limit,
                        uint8_t **out, uint64_t *length) {
    *out = NULL;
    *length = 0;
    if (index < 0 || index >= zx_archive_count(archive)) return ZX_FAILED;
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat_index(archive->zip, (zip_uint64_t)index, 0, &stat) != 0) return ZX_DAMAGED;
    if ((stat.valid & ZIP_STAT_ENCRYPTION_METHOD) && stat.encryption_method != ZIP_EM_NONE) return ZX_ENCRYPTED;
    if ((stat.valid & ZIP_STAT_SIZE) && stat.size > limit) return ZX_TOO_LARGE;
    zip_file_t *file = zip_fopen_index(archive->zip, (zip_uint64_t)index, 0);
    if (file == NULL) {
        int32_t kind = zx_kind_of_zip_error(zip_error_code_zip(zip_get_error(archive->zip)));
        return kind == ZX_OK ? ZX_DAMAGED : kind;
    }
    // Grow the buffer as the data comes: the declared size is only a hint,
    // and a lying header must not make us read past the limit.
    uint64_t capacity = (stat.valid & ZIP_STAT_SIZE) && stat.size > 0 ? stat.size + 1 : 4096;
    if (capacity > limit + 1) capacity = limit + 1;
    uint8_t *buffer = malloc(capacity);
    uint64_t used = 0;
    int32_t result = buffer ? ZX_OK : ZX_FAILED;
    while (result == ZX_OK) {
        if (used == capacity) {
            if (capacity > limit) { result = ZX_TOO_LARGE; break; }
            uint64_t grown = capacity * 2 > limit + 1 ? limit + 1 : capacity * 2;
            uint8_t *larger = realloc(buffer, grown);
            if (larger == NULL) { result = ZX_FAILED; break; }
            buffer = larger;
            capacity = grown;
        }
        zip_int64_t read = zip_fread(file, buffer + used, capacity - used);
        if (read < 0) {
            result = zx_kind_of_zip_error(zip_error_code_zip(zip_file_get_error(file)));
            if (result == ZX_OK) result = ZX_DAMAGED;
            break;
        }
        if (read == 0) break;
        used += (uint64_t)read;
        if (used > limit) { result = ZX_TOO_LARGE; break; }
    }
    zip_fclose(file);
    if (result != ZX_OK) {
        free(buffer);
        return result;
    }
    *out = buffer;
    *length = used;
    return ZX_OK;
}

void zx_archive_close(zx_archive *archive) {
    if (archive == NULL) return;
    zip_discard(archive->zip);  // read only: nothing to write back
    free(archive);
}

void zx_free(void *pointer) { free(pointer); }

// MARK: - XML

struct zx_xml {
    xmlTextReaderPtr reader;
    char *error;
};

static pthread_once_t zx_xml_once = PTHREAD_ONCE_INIT;

/// libxml2 must be initialised once before threads use it.
static void zx_xml_initialise(void) { xmlInitParser(); }

/// Keeps the first error libxml2 reports instead of printing it to stderr.
static void zx_xml_record_error(void *context, xmlErrorPtr error) {
    zx_xml *xml = context;
    if (xml->error != NULL || error == NULL) return;
    const char *message = error->message ? error->message : "malformed XML";
    size_t size = strlen(message) + 32;
    xml->error = malloc(size);
    if (xml->error == NULL) return;
    snprintf(xml->error, size, "line %d: %s", error->line, message);
    // libxml2's messages end in a newline.
    size_t end = strlen(xml->error);
    while (end > 0 && (xml->error[end - 1] == '\n' || xml->error[end - 1] == ' ')) xml->error[--end] = 0;
}

zx_xml *zx_xml_open(const uint8_t *bytes, size_t length) {
    pthread_once(&zx_xml_once, zx_xml_initialise);
    if (length > INT_MAX) return NULL;
    zx_xml *xml = calloc(1, sizeof *xml);
    if (xml == NULL) return NULL;
    static const char nothing = 0;
    // No XML_PARSE_NOENT (entities stay unexpanded), no DTD loading, no
    // network, no XML_PARSE_HUGE (libxml2's depth and size limits hold).
    int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
    xml->reader = xmlReaderForMemory(length ? (const char *)bytes : &nothing, (int)length, NULL, NULL, options);
    if (xml->reader == NULL) {
        free(xml);
        return NULL;
    }
    xmlTextReaderSetStructuredErrorHandler(xml->reader, zx_xml_record_error, xml);
    return xml;
}

int32_t zx_xml_next(zx_xml *xml) {
    int result = xmlTextReaderRead(xml->reader);
    if (result < 0 && xml->error == NULL) {
        xml->error = strdup("malformed XML");
    }
    return result > 0 ? 1 : (result == 0 ? 0 : -1);
}

int32_t zx_xml_kind(zx_xml *xml) { return xmlTextReaderNodeType(xml->reader); }

const char *zx_xml_local_name(zx_xml *xml) {
    const xmlChar *name = xmlTextReaderConstLocalName(xml->reader);
    return name ? (const char *)name : "";
}

int32_t zx_xml_is_empty(zx_xml *xml) { return xmlTextReaderIsEmptyElement(xml->reader) == 1; }

const char *zx_xml_value(zx_xml *xml) {
    switch (xmlTextReaderNodeType(xml->reader)) {
    case ZX_XML_TEXT:
    case ZX_XML_CDATA:
    case ZX_XML_WHITESPACE:
    case ZX_XML_SIGNIFICANT_WHITESPACE:
        return (const char *)xmlTextReaderConstValue(xml->reader);
    default:
        return NULL;
    }
}

char *zx_xml_attribute(zx_xml *xml, const char *local_name) {
    char *result = NULL;
    if (xmlTextReaderMoveToFirstAttribute(xml->reader) != 1) return NULL;
    do {
        const xmlChar *name = xmlTextReaderConstLocalName(xml->reader);
        if (name != NULL && strcmp((const char *)name, local_name) == 0) {
            const xmlChar *value = xmlTextReaderConstValue(xml->reader);
            result = strdup(value ? (const char *)value : "");
            break;
        }
    } while (xmlTextReaderMoveToNextAttribute(xml->reader) == 1);
    xmlTextReaderMoveToElement(xml->reader);
    return result;
}

char *zx_xml_error(zx_xml *xml) { return xml->error ? strdup(xml->error) : NULL; }

void zx_xml_close(zx_xml *xml) {
    if (xml == NULL) return;
    xmlFreeTextReader(xml->reader);
    free(xml->error);
    free(xml);
}
