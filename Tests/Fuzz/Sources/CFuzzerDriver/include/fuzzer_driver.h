/* fuzzer_driver.h: libFuzzer's driver entry point, for fuzz targets whose main is Swift, and a count of
 * the bytes an input made the process allocate. */
#ifndef FOOTSCAN_FUZZER_DRIVER_H
#define FOOTSCAN_FUZZER_DRIVER_H

#include <stddef.h>
#include <stdint.h>

/* Runs libFuzzer with the command line's flags, calling `callback` on every input. */
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

/* Starts counting: the peak is reset to the bytes live now (the sanitizer's hooks go in on the first
 * call). */
void fs_fuzz_memory_start(void);

/* Bytes allocated and not freed since counting began (relative: blocks from before count when freed). */
long long fs_fuzz_memory_live(void);

/* The highest `fs_fuzz_memory_live` reached since the last `fs_fuzz_memory_start`. */
long long fs_fuzz_memory_peak(void);

#endif
