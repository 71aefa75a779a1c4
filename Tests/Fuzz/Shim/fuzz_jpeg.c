/*
 * fuzz_jpeg.c: libFuzzer harness for the C shim's JPEG entry points (fs_jpeg_*).
 *
 * The first byte chooses the DCT scaling (1, 2, 4 or 8) as the decoder's density-driven reduction
 * does; the rest is the file. Each input is decoded three ways, as the Swift decoder may: whole as
 * grey, row by row as RGB, and as its stored YCbCr planes (raw data output) into buffers of exactly
 * the padded size the shim reports, so a write past it is caught by AddressSanitizer.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fs_codecs.h"

#define FUZZ_MAX_PIXELS (1u << 22)

static int fits(uint32_t width, uint32_t height) {
    return width > 0 && height > 0 && (uint64_t)width * height <= FUZZ_MAX_PIXELS;
}

static fs_jpeg_reader *open_reader(const uint8_t *data, size_t size, fs_jpeg_header *header) {
    fs_jpeg_reader *reader = fs_jpeg_reader_create(data, size);
    if (reader == NULL) return NULL;
    if (fs_jpeg_read_header(reader, header) != FS_OK || !fits(header->width, header->height)) {
        (void)strlen(fs_jpeg_reader_message(reader));
        fs_jpeg_reader_destroy(reader);
        return NULL;
    }
    size_t length = 0;
    const uint8_t *exif = fs_jpeg_exif(reader, &length);
    volatile uint8_t sink = 0;
    for (size_t i = 0; exif != NULL && i < length; i++) sink ^= exif[i];
    (void)sink;
    return reader;
}

static void read_grey(const uint8_t *data, size_t size, int scale) {
    fs_jpeg_header header;
    fs_jpeg_reader *reader = open_reader(data, size, &header);
    if (reader == NULL) return;
    uint32_t width = 0, height = 0;
    if (fs_jpeg_prepare_grey(reader, scale, &width, &height) == FS_OK && fits(width, height)) {
        uint8_t *pixels = malloc((size_t)width * height);
        if (pixels != NULL) (void)fs_jpeg_read_grey(reader, pixels, width);
        free(pixels);
    }
    fs_jpeg_reader_destroy(reader);
}

static void read_rgb(const uint8_t *data, size_t size, int scale) {
    fs_jpeg_header header;
    fs_jpeg_reader *reader = open_reader(data, size, &header);
    if (reader == NULL) return;
    uint32_t width = 0, height = 0;
    if (fs_jpeg_prepare_rgb(reader, scale, &width, &height) == FS_OK && fits(width, height)) {
        const uint32_t batch = 5;
        size_t stride = (size_t)width * 3;
        uint8_t *rows = malloc(stride * batch);
        uint32_t total = 0, delivered = 0;
        while (rows != NULL && total < height) {
            if (fs_jpeg_read_rows(reader, rows, stride, batch, &delivered) != FS_OK || delivered == 0) break;
            total += delivered;
        }
        free(rows);
    }
    fs_jpeg_reader_destroy(reader);
}

static void read_planes(const uint8_t *data, size_t size, int scale) {
    fs_jpeg_header header;
    fs_jpeg_reader *reader = open_reader(data, size, &header);
    if (reader == NULL) return;
    fs_jpeg_plane_layout layout;
    if (fs_jpeg_prepare_planes(reader, scale, &layout) == FS_OK) {
        uint8_t *planes[3] = {NULL, NULL, NULL};
        size_t strides[3];
        int ok = 1;
        for (int i = 0; i < 3; i++) {
            uint32_t width = layout.padded_width[i] > layout.width[i] ? layout.padded_width[i] : layout.width[i];
            uint32_t height = layout.padded_height[i] > layout.height[i] ? layout.padded_height[i] : layout.height[i];
            if (!fits(width, height)) { ok = 0; break; }
            strides[i] = width;
            planes[i] = malloc((size_t)width * height);
            if (planes[i] == NULL) { ok = 0; break; }
        }
        /* One iMCU row a call, as the decoder reads them, until the last row or an error. */
        uint32_t rows = 0, before = 0;
        while (ok && rows < layout.height[0]) {
            if (fs_jpeg_read_planes(reader, planes, strides, 1, &rows) != FS_OK || rows <= before) break;
            before = rows;
        }
        for (int i = 0; i < 3; i++) free(planes[i]);
    }
    fs_jpeg_reader_destroy(reader);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 1) return 0;
    static const int scales[4] = {1, 2, 4, 8};
    int scale = scales[data[0] & 3];
    data += 1;
    size -= 1;
    read_grey(data, size, scale);
    read_rgb(data, size, scale);
    read_planes(data, size, scale);
    return 0;
}
