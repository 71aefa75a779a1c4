/*
 * fuzz_png.c: libFuzzer harness for the C shim's PNG entry points (fs_png_*).
 *
 * Every input is read twice, as the Swift decoder reads it: once whole as 8-bit grey, once row by row
 * as RGB (refused for grey and Adam7 files), with the eXIf chunk looked at after each. Images larger
 * than FUZZ_MAX_PIXELS are only read up to their header, as the decoder's pixel limit does.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fs_codecs.h"

#define FUZZ_MAX_PIXELS (1u << 22)

static void touch_exif(const fs_png_reader *reader) {
    size_t length = 0;
    const uint8_t *exif = fs_png_exif(reader, &length);
    volatile uint8_t sink = 0;
    for (size_t i = 0; exif != NULL && i < length; i++) sink ^= exif[i];
    (void)sink;
    (void)strlen(fs_png_reader_message(reader));
}

static int fits(const fs_png_header *header) {
    return header->width > 0 && header->height > 0 &&
           (uint64_t)header->width * header->height <= FUZZ_MAX_PIXELS;
}

static void read_grey(const uint8_t *data, size_t size) {
    fs_png_reader *reader = fs_png_reader_create(data, size);
    if (reader == NULL) return;
    fs_png_header header;
    if (fs_png_read_header(reader, &header) == FS_OK && fits(&header)) {
        size_t stride = header.width;
        uint8_t *pixels = malloc(stride * header.height);
        if (pixels != NULL) {
            (void)fs_png_read_grey(reader, pixels, stride);
            free(pixels);
        }
    }
    touch_exif(reader);
    fs_png_reader_destroy(reader);
}

static void read_rgb(const uint8_t *data, size_t size) {
    fs_png_reader *reader = fs_png_reader_create(data, size);
    if (reader == NULL) return;
    fs_png_header header;
    if (fs_png_read_header(reader, &header) == FS_OK && fits(&header) && fs_png_prepare_rgb(reader) == FS_OK) {
        const uint32_t batch = 7; /* an odd batch, so the last call delivers fewer rows than asked */
        size_t stride = (size_t)header.width * 3;
        uint8_t *rows = malloc(stride * batch);
        uint32_t total = 0, delivered = 0;
        while (rows != NULL && total < header.height) {
            if (fs_png_read_rows(reader, rows, stride, batch, &delivered) != FS_OK || delivered == 0) break;
            total += delivered;
        }
        free(rows);
    }
    touch_exif(reader);
    fs_png_reader_destroy(reader);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    read_grey(data, size);
    read_rgb(data, size);
    return 0;
}
