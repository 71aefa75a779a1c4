/*
 * PNG decoding and encoding through libpng. Every function that calls libpng arms its own setjmp;
 * libpng's error callback jumps back to it, so no frame outside this file is ever jumped over.
 */
#include "fs_codecs.h"

#include <png.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The most libpng may allocate for one ancillary chunk (or its decompressed text or profile). */
#define FS_PNG_CHUNK_MAX (16u << 20)

struct fs_png_reader {
    jmp_buf jump;
    png_structp png;
    png_infop info;
    const uint8_t *data;
    size_t length;
    size_t offset;
    int truncated;
    int header_read;
    int image_read;
    int rgb_prepared;
    png_uint_32 next_row;
    png_bytep *rows;
    char message[256];
};

static void fs_png_store(char *message, const char *text) {
    snprintf(message, 256, "%s", text ? text : "unknown libpng error");
}

static void fs_png_on_error(png_structp png, png_const_charp text) {
    fs_png_reader *reader = (fs_png_reader *)png_get_error_ptr(png);
    fs_png_store(reader->message, text);
    longjmp(reader->jump, 1);
}

static void fs_png_on_warning(png_structp png, png_const_charp text) {
    /* Ancillary-chunk problems (a bad iCCP, a damaged tEXt) do not affect the pixels: keep the text quietly. */
    (void)png;
    (void)text;
}

static void fs_png_read_bytes(png_structp png, png_bytep out, png_size_t count) {
    fs_png_reader *reader = (fs_png_reader *)png_get_io_ptr(png);
    if (reader->length - reader->offset < count) {
        reader->truncated = 1;
        png_error(png, "the file ends before the image does");
    }
    memcpy(out, reader->data + reader->offset, count);
    reader->offset += count;
}

fs_png_reader *fs_png_reader_create(const uint8_t *data, size_t length) {
    fs_png_reader *reader = (fs_png_reader *)calloc(1, sizeof(fs_png_reader));
    if (!reader) return NULL;
    reader->data = data;
    reader->length = length;
    return reader;
}

/*
 * Walks the chunk lengths (the file is all in memory) and refuses a chunk that states more bytes than
 * the file has left: libpng allocates an eXIf chunk's stated length before reading it, whatever
 * png_set_chunk_malloc_max says, so a 100-byte file could make it ask for 2 GB (found by fuzzing).
 */
static int fs_png_check_chunk_lengths(fs_png_reader *reader) {
    const uint8_t *data = reader->data;
    size_t at = 8;
    while (reader->length - at >= 8) {
        uint32_t length = (uint32_t)data[at] << 24 | (uint32_t)data[at + 1] << 16 | (uint32_t)data[at + 2] << 8 | data[at + 3];
        char name[5] = {0};
        for (int i = 0; i < 4; i++) {
            uint8_t c = data[at + 4 + i];
            name[i] = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ? (char)c : '?';
        }
        if ((size_t)length > reader->length - at - 8 || reader->length - at - 8 - length < 4) {
            snprintf(reader->message, sizeof reader->message,
                     "the file ends inside its %s chunk (%u bytes stated, %zu left)", name, length, reader->length - at - 8);
            return FS_ERR_TRUNCATED;
        }
        if (memcmp(data + at + 4, "IEND", 4) == 0) break;
        at += 12 + (size_t)length;
    }
    return FS_OK;
}

static int fs_png_failure(fs_png_reader *reader) {
    return reader->truncated ? FS_ERR_TRUNCATED : FS_ERR_CORRUPT;
}

int fs_png_read_header(fs_png_reader *reader, fs_png_header *header) {
    if (!reader || !header || reader->header_read) return FS_ERR_USAGE;
    if (reader->length < 8 || png_sig_cmp((png_const_bytep)reader->data, 0, 8) != 0) {
        fs_png_store(reader->message, "not a PNG signature");
        return FS_ERR_CORRUPT;
    }
    int lengths = fs_png_check_chunk_lengths(reader);
    if (lengths != FS_OK) return lengths;
    reader->png = png_create_read_struct(PNG_LIBPNG_VER_STRING, reader, fs_png_on_error, fs_png_on_warning);
    if (!reader->png) return FS_ERR_NOMEM;
    reader->info = png_create_info_struct(reader->png);
    if (!reader->info) return FS_ERR_NOMEM;
    if (setjmp(reader->jump)) {
        return fs_png_failure(reader);
    }
    png_set_read_fn(reader->png, reader, fs_png_read_bytes);
    /* A chunk's stated length is what libpng allocates for it before reading it: without a cap a
     * 20 KB file stating a 1.5 GB text chunk makes it ask for 1.5 GB (found by fuzzing). No chunk a
     * scan needs (eXIf, iCCP, text) comes near this; image data (IDAT) is streamed, not held. */
    png_set_chunk_malloc_max(reader->png, FS_PNG_CHUNK_MAX);
#ifdef FOOTSCAN_FUZZING
    /* Fuzz builds only (Tests/Fuzz): a mutated chunk keeps going past its checksums, as libpng's own
     * fuzzer does, so that mutations reach the code behind them instead of dying at the CRC. */
    png_set_crc_action(reader->png, PNG_CRC_QUIET_USE, PNG_CRC_QUIET_USE);
#ifdef PNG_IGNORE_ADLER32
    png_set_option(reader->png, PNG_IGNORE_ADLER32, PNG_OPTION_ON);
#endif
#endif
    png_read_info(reader->png, reader->info);
    reader->header_read = 1;

    png_uint_32 width = 0, height = 0;
    int bit_depth = 0, color_type = 0, interlace = 0;
    png_get_IHDR(reader->png, reader->info, &width, &height, &bit_depth, &color_type, &interlace, NULL, NULL);
    memset(header, 0, sizeof(*header));
    header->width = width;
    header->height = height;
    header->bit_depth = bit_depth;
    header->color_type = color_type;
    header->interlaced = interlace == PNG_INTERLACE_ADAM7;
    header->has_trns = png_get_valid(reader->png, reader->info, PNG_INFO_tRNS) != 0;
    png_uint_32 res_x = 0, res_y = 0;
    int unit = 0;
    if (png_get_pHYs(reader->png, reader->info, &res_x, &res_y, &unit)) {
        header->has_phys = 1;
        header->phys_x = res_x;
        header->phys_y = res_y;
        header->phys_unit = unit == PNG_RESOLUTION_METER ? 1 : 0;
    }
    return FS_OK;
}

int fs_png_read_grey(fs_png_reader *reader, uint8_t *pixels, size_t stride) {
    if (!reader || !pixels || !reader->header_read || reader->image_read) return FS_ERR_USAGE;
    png_structp png = reader->png;
    png_infop info = reader->info;
    png_uint_32 height = png_get_image_height(png, info);
    png_uint_32 width = png_get_image_width(png, info);
    if (stride < width) return FS_ERR_USAGE;
    reader->rows = (png_bytep *)malloc(sizeof(png_bytep) * (height ? height : 1));
    if (!reader->rows) return FS_ERR_NOMEM;
    for (png_uint_32 y = 0; y < height; y++) reader->rows[y] = pixels + (size_t)y * stride;

    if (setjmp(reader->jump)) {
        return fs_png_failure(reader);
    }
    int color_type = png_get_color_type(png, info);
    int bit_depth = png_get_bit_depth(png, info);
    png_set_expand(png); /* palette to RGB, 1/2/4-bit grey to 8-bit, tRNS to alpha */
    if (bit_depth == 16) png_set_scale_16(png);
    if ((color_type & PNG_COLOR_MASK_ALPHA) || png_get_valid(png, info, PNG_INFO_tRNS)) png_set_strip_alpha(png);
    if (color_type & PNG_COLOR_MASK_COLOR) png_set_rgb_to_gray_fixed(png, 1, 29900, 58700);
    png_set_interlace_handling(png);
    png_read_update_info(png, info);
    if (png_get_rowbytes(png, info) != width || png_get_channels(png, info) != 1) {
        fs_png_store(reader->message, "libpng did not deliver 8-bit grey rows");
        return FS_ERR_UNSUPPORTED;
    }
    png_read_image(png, reader->rows);
    png_read_end(png, info);
    reader->image_read = 1;
    return FS_OK;
}

int fs_png_prepare_rgb(fs_png_reader *reader) {
    if (!reader || !reader->header_read || reader->image_read || reader->rgb_prepared) return FS_ERR_USAGE;
    png_structp png = reader->png;
    png_infop info = reader->info;
    if (setjmp(reader->jump)) {
        return fs_png_failure(reader);
    }
    int color_type = png_get_color_type(png, info);
    if (!(color_type & PNG_COLOR_MASK_COLOR)) {
        fs_png_store(reader->message, "not a colour image");
        return FS_ERR_UNSUPPORTED;
    }
    if (png_get_interlace_type(png, info) != PNG_INTERLACE_NONE) {
        fs_png_store(reader->message, "row by row colour reading of an Adam7 image");
        return FS_ERR_UNSUPPORTED;
    }
    png_set_expand(png);
    if (png_get_bit_depth(png, info) == 16) png_set_scale_16(png);
    if ((color_type & PNG_COLOR_MASK_ALPHA) || png_get_valid(png, info, PNG_INFO_tRNS)) png_set_strip_alpha(png);
    png_read_update_info(png, info);
    if (png_get_channels(png, info) != 3 || png_get_rowbytes(png, info) != 3 * (size_t)png_get_image_width(png, info)) {
        fs_png_store(reader->message, "libpng did not deliver 8-bit RGB rows");
        return FS_ERR_UNSUPPORTED;
    }
    reader->rgb_prepared = 1;
    return FS_OK;
}

int fs_png_read_rows(fs_png_reader *reader, uint8_t *rows, size_t stride, uint32_t max_rows, uint32_t *delivered) {
    if (!reader || !rows || !delivered || !reader->rgb_prepared || reader->image_read) return FS_ERR_USAGE;
    png_structp png = reader->png;
    png_infop info = reader->info;
    png_uint_32 height = png_get_image_height(png, info);
    if (stride < 3 * (size_t)png_get_image_width(png, info)) return FS_ERR_USAGE;
    *delivered = 0;
    if (setjmp(reader->jump)) {
        return fs_png_failure(reader);
    }
    while (*delivered < max_rows && reader->next_row < height) {
        png_read_row(png, rows + (size_t)(*delivered) * stride, NULL);
        reader->next_row += 1;
        *delivered += 1;
    }
    if (reader->next_row == height) {
        png_read_end(png, info);
        reader->image_read = 1;
    }
    return FS_OK;
}

const uint8_t *fs_png_exif(const fs_png_reader *reader, size_t *length) {
    *length = 0;
    if (!reader || !reader->png || !reader->info) return NULL;
    png_bytep exif = NULL;
    png_uint_32 count = 0;
    if (png_get_eXIf_1(reader->png, reader->info, &count, &exif) && exif && count > 0) {
        *length = count;
        return exif;
    }
    return NULL;
}

const char *fs_png_reader_message(const fs_png_reader *reader) {
    return reader ? reader->message : "";
}

void fs_png_reader_destroy(fs_png_reader *reader) {
    if (!reader) return;
    if (reader->png) png_destroy_read_struct(&reader->png, reader->info ? &reader->info : NULL, NULL);
    free(reader->rows);
    free(reader);
}

/* ---------------------------------------------------------------- encoding */

typedef struct {
    jmp_buf jump;
    uint8_t *buffer;
    size_t length;
    size_t capacity;
    int out_of_memory;
    char message[256];
} fs_png_writer;

static void fs_png_writer_on_error(png_structp png, png_const_charp text) {
    fs_png_writer *writer = (fs_png_writer *)png_get_error_ptr(png);
    fs_png_store(writer->message, text);
    longjmp(writer->jump, 1);
}

static void fs_png_write_bytes(png_structp png, png_bytep data, png_size_t count) {
    fs_png_writer *writer = (fs_png_writer *)png_get_io_ptr(png);
    if (writer->capacity - writer->length < count) {
        size_t capacity = writer->capacity ? writer->capacity : 65536;
        while (capacity - writer->length < count) capacity *= 2;
        uint8_t *grown = (uint8_t *)realloc(writer->buffer, capacity);
        if (!grown) {
            writer->out_of_memory = 1;
            png_error(png, "out of memory");
        }
        writer->buffer = grown;
        writer->capacity = capacity;
    }
    memcpy(writer->buffer + writer->length, data, count);
    writer->length += count;
}

static void fs_png_flush(png_structp png) { (void)png; }

/* The state that must survive a longjmp lives on the heap, as the shim promises. */
typedef struct {
    fs_png_writer writer;
    png_structp png;
    png_infop info;
    png_bytep *rows;
} fs_png_encoder;

int fs_png_encode(const fs_png_encode_params *params, uint8_t **output, size_t *output_length,
                  char *message, size_t message_capacity) {
    if (!params || !output || !output_length || !params->rows) return FS_ERR_USAGE;
    *output = NULL;
    *output_length = 0;
    fs_png_encoder *encoder = (fs_png_encoder *)calloc(1, sizeof(fs_png_encoder));
    if (!encoder) return FS_ERR_NOMEM;
    int status = FS_OK;
    encoder->rows = (png_bytep *)malloc(sizeof(png_bytep) * (params->height ? params->height : 1));
    encoder->png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &encoder->writer, fs_png_writer_on_error, fs_png_on_warning);
    if (encoder->png) encoder->info = png_create_info_struct(encoder->png);
    if (!encoder->rows || !encoder->png || !encoder->info) {
        status = FS_ERR_NOMEM;
    } else if (setjmp(encoder->writer.jump)) {
        status = encoder->writer.out_of_memory ? FS_ERR_NOMEM : FS_ERR_USAGE;
    } else {
        for (uint32_t y = 0; y < params->height; y++) encoder->rows[y] = (png_bytep)params->rows + (size_t)y * params->stride;
        png_set_write_fn(encoder->png, &encoder->writer, fs_png_write_bytes, fs_png_flush);
        png_set_IHDR(encoder->png, encoder->info, params->width, params->height, params->bit_depth, params->color_type,
                     params->interlaced ? PNG_INTERLACE_ADAM7 : PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
                     PNG_FILTER_TYPE_DEFAULT);
        png_set_compression_level(encoder->png, params->compression_level);
        if (params->filters) png_set_filter(encoder->png, PNG_FILTER_TYPE_BASE, params->filters);
        if (params->strategy) png_set_compression_strategy(encoder->png, params->strategy);
        if (params->color_type == PNG_COLOR_TYPE_PALETTE && params->palette) {
            png_color entries[256];
            int count = params->palette_entries > 256 ? 256 : params->palette_entries;
            for (int i = 0; i < count; i++) {
                entries[i].red = params->palette[3 * i];
                entries[i].green = params->palette[3 * i + 1];
                entries[i].blue = params->palette[3 * i + 2];
            }
            png_set_PLTE(encoder->png, encoder->info, entries, count);
        }
        if (params->trns && params->trns_entries > 0) {
            png_set_tRNS(encoder->png, encoder->info, (png_bytep)params->trns, params->trns_entries, NULL);
        } else if (params->trns_grey >= 0 && params->color_type == PNG_COLOR_TYPE_GRAY) {
            png_color_16 grey;
            memset(&grey, 0, sizeof(grey));
            grey.gray = (png_uint_16)params->trns_grey;
            png_set_tRNS(encoder->png, encoder->info, NULL, 0, &grey);
        }
        if (params->pixels_per_metre > 0) {
            png_set_pHYs(encoder->png, encoder->info, params->pixels_per_metre, params->pixels_per_metre, PNG_RESOLUTION_METER);
        }
        if (params->exif && params->exif_length > 0) {
            png_set_eXIf_1(encoder->png, encoder->info, (png_uint_32)params->exif_length, (png_bytep)params->exif);
        }
        png_write_info(encoder->png, encoder->info);
        png_set_interlace_handling(encoder->png);
        png_write_image(encoder->png, encoder->rows);
        png_write_end(encoder->png, encoder->info);
    }
    if (status == FS_OK) {
        *output = encoder->writer.buffer;
        *output_length = encoder->writer.length;
    } else {
        if (message && message_capacity > 0) snprintf(message, message_capacity, "%s", encoder->writer.message);
        free(encoder->writer.buffer);
    }
    if (encoder->png) png_destroy_write_struct(&encoder->png, encoder->info ? &encoder->info : NULL);
    free(encoder->rows);
    free(encoder);
    return status;
}

void fs_free(void *pointer) { free(pointer); }
