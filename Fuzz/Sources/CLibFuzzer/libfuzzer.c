// The declarations in include/libfuzzer.h are defined by libFuzzer itself;
// this file only gives SwiftPM a C target to import them from.
#include "libfuzzer.h"
