// czipxml.h — the C interface zhengce has to zip archives (Debian's libzip)
// and XML (Debian's libxml2), for the DOCX and OFD readers.
//
// Plain C types only, like cicu.h: no libzip or libxml2 type reaches Swift,
// every handle is opaque and has a matching close function, and every string
// handed out is either owned by its handle (valid until the next call on it)
// or allocated for the caller, who frees it with zx_free.
#ifndef ZHENGCE_CZIPXML_H
#define ZHENGCE_CZIPXML_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// What went wrong, in the few kinds the readers tell a user about.
enum {
    ZX_OK = 0,
    /// The bytes are not a zip archive (no central directory found).
    ZX_NOT_ZIP = 1,
    /// A zip archive whose entries or directory are inconsistent, cut off or corrupt.
    ZX_DAMAGED = 2,
    /// The entry is encrypted.
    ZX_ENCRYPTED = 3,
    /// The entry inflates to more than the limit asked for (a zip bomb, or a huge part).
    ZX_TOO_LARGE = 4,
    /// Out of memory, or an entry index out of range.
    ZX_FAILED = 5,
};

// MARK: - Zip archives (libzip)

/// An opaque zip archive read from memory.
typedef struct zx_archive zx_archive;

/// Opens the zip archive in `bytes` (`length` bytes) for reading. The archive
/// copies nothing: the caller keeps `bytes` alive until zx_archive_close.
/// Returns NULL with `*status` set (ZX_NOT_ZIP, ZX_DAMAGED, ZX_FAILED) when it
/// cannot. Exists because libzip's sources and error structs are not plain C
/// values Swift can hold safely.
zx_archive *zx_archive_open(const uint8_t *bytes, size_t length, int32_t *status);

/// Number of entries in the central directory.
int64_t zx_archive_count(const zx_archive *archive);

/// The name of entry `index` as stored (UTF-8 or CP437 guessed by libzip), or
/// NULL. Owned by the archive: valid until it is closed.
const char *zx_archive_name(zx_archive *archive, int64_t index);

/// The index of the entry named `name` (exact, else ignoring case), or -1.
int64_t zx_archive_find(zx_archive *archive, const char *name);

/// The size entry `index` declares once inflated (the header may lie: reading
/// checks again), or -1.
int64_t zx_archive_declared_size(zx_archive *archive, int64_t index);

/// Inflates entry `index` into a new buffer of at most `limit` bytes, written
/// to `*out` (free it with zx_free) and `*length`. Returns ZX_OK, or
/// ZX_ENCRYPTED, ZX_TOO_LARGE (more than `limit` bytes, whatever the header
/// said), ZX_DAMAGED (bad CRC, cut-off or corrupt data) or ZX_FAILED; on an
/// error `*out` is NULL.
int32_t zx_archive_read(zx_archive *archive, int64_t index, uint64_t limit,
                        uint8_t **out, uint64_t *length);

/// Closes the archive. Safe on NULL.
void zx_archive_close(zx_archive *archive);

/// Frees a buffer or string this interface allocated. Safe on NULL.
void zx_free(void *pointer);

// MARK: - XML (libxml2's pull reader)

/// An opaque pull reader over an XML document in memory.
typedef struct zx_xml zx_xml;

/// Node kinds zx_xml_next reports (libxml2's xmlReaderTypes).
enum {
    ZX_XML_ELEMENT = 1,
    ZX_XML_TEXT = 3,
    ZX_XML_CDATA = 4,
    ZX_XML_WHITESPACE = 13,
    ZX_XML_SIGNIFICANT_WHITESPACE = 14,
    ZX_XML_END_ELEMENT = 15,
};

/// Opens a reader over `bytes`, which the caller keeps alive until close.
/// Never touches the network or loads a DTD, and never expands entities
/// declared in the document (so no entity bomb); nesting deeper than
/// libxml2's limit (256) is an error. Returns NULL only when out of memory.
zx_xml *zx_xml_open(const uint8_t *bytes, size_t length);

/// Moves to the next node: 1 on a node, 0 at the end, -1 on malformed XML.
int32_t zx_xml_next(zx_xml *reader);

/// The kind of the current node (ZX_XML_*; other values are nodes the
/// readers skip: comments, processing instructions, entity references…).
int32_t zx_xml_kind(zx_xml *reader);

/// The local name of the current node (`p` for `<w:p>`), owned by the reader.
const char *zx_xml_local_name(zx_xml *reader);

/// 1 when the current element is written empty (`<w:br/>`): no end element follows.
int32_t zx_xml_is_empty(zx_xml *reader);

/// The text of a text, CDATA or whitespace node, owned by the reader; NULL otherwise.
const char *zx_xml_value(zx_xml *reader);

/// The value of the current element's attribute whose local name is
/// `local_name` (any prefix), newly allocated (free it with zx_free), or NULL.
char *zx_xml_attribute(zx_xml *reader, const char *local_name);

/// The first error libxml2 reported (line and message), newly allocated
/// (free it with zx_free), or NULL when there was none.
char *zx_xml_error(zx_xml *reader);

/// Closes the reader. Safe on NULL.
void zx_xml_close(zx_xml *reader);

#ifdef __cplusplus
}
#endif

#endif
