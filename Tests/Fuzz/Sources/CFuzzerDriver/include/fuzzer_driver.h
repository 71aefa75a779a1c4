/* fuzzer_driver.h: libFuzzer's driver entry point, for fuzz targets whose main is Swift. */
#ifndef FOOTSCAN_FUZZER_DRIVER_H
#define FOOTSCAN_FUZZER_DRIVER_H

#include <stddef.h>
#include <stdint.h>

/* Runs libFuzzer with the command line's flags, calling `callback` on every input. */
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
