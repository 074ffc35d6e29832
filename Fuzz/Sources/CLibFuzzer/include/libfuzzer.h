// libfuzzer.h — the one libFuzzer function the fuzz target calls.
//
// SwiftPM links every executable with its own `main` (which calls the
// module's entry point), so libFuzzer's `main` is never used. The entry point
// hands the command line to libFuzzer's driver instead, which runs exactly as
// libFuzzer's own `main` would (same flags, same corpus handling).
#ifndef ZHENGCE_LIBFUZZER_H
#define ZHENGCE_LIBFUZZER_H

#include <stddef.h>
#include <stdint.h>

/// Runs libFuzzer with `argc`/`argv` and `callback` as LLVMFuzzerTestOneInput.
/// Defined in the toolchain's libclang_rt.fuzzer, which `-sanitize=fuzzer` links.
int LLVMFuzzerRunDriver(int *argc, char ***argv,
                        int (*callback)(const uint8_t *data, size_t size));

#endif
