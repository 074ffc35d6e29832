// The system libxml2 (Debian's libxml2-dev), for the CZipXML room only: its
// flags (-I/usr/include/libxml2) come from pkg-config. No Swift module imports it.
#include <libxml/xmlreader.h>
