/*
 * JPEG decoding and encoding through libjpeg-turbo. Every function that calls libjpeg arms its own
 * setjmp; the error manager jumps back to it. libjpeg only warns on a truncated or corrupt scan (and
 * pads the picture with grey), so every warning is turned into an error here: a half-decoded foot
 * must never be measured.
 */
#include "fs_codecs.h"

#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jpeglib.h>
#include <jerror.h>

typedef struct {
    struct jpeg_error_mgr base;
    jmp_buf jump;
    int status;
    char message[JMSG_LENGTH_MAX + 64];
} fs_jpeg_error;

static void fs_jpeg_capture(j_common_ptr cinfo, fs_jpeg_error *error) {
    char text[JMSG_LENGTH_MAX];
    text[0] = 0;
    (*cinfo->err->format_message)(cinfo, text);
    snprintf(error->message, sizeof(error->message), "%s", text);
}

static void fs_jpeg_on_error(j_common_ptr cinfo) {
    fs_jpeg_error *error = (fs_jpeg_error *)cinfo->err;
    fs_jpeg_capture(cinfo, error);
    int code = error->base.msg_code;
    error->status = (code == JERR_INPUT_EOF || code == JERR_INPUT_EMPTY) ? FS_ERR_TRUNCATED : FS_ERR_CORRUPT;
    if (code == JERR_CONVERSION_NOTIMPL || code == JERR_BAD_J_COLORSPACE) error->status = FS_ERR_UNSUPPORTED;
    longjmp(error->jump, 1);
}

static void fs_jpeg_on_message(j_common_ptr cinfo, int level) {
    if (level >= 0) return; /* trace messages */
    fs_jpeg_error *error = (fs_jpeg_error *)cinfo->err;
    fs_jpeg_capture(cinfo, error);
    error->status = error->base.msg_code == JWRN_JPEG_EOF ? FS_ERR_TRUNCATED : FS_ERR_CORRUPT;
    longjmp(error->jump, 1);
}

static void fs_jpeg_silent(j_common_ptr cinfo) { (void)cinfo; }

static void fs_jpeg_install(fs_jpeg_error *error) {
    jpeg_std_error(&error->base);
    error->base.error_exit = fs_jpeg_on_error;
    error->base.emit_message = fs_jpeg_on_message;
    error->base.output_message = fs_jpeg_silent;
    error->status = FS_OK;
    error->message[0] = 0;
}

struct fs_jpeg_reader {
    struct jpeg_decompress_struct cinfo;
    fs_jpeg_error error;
    const uint8_t *data;
    size_t length;
    int created;
    int header_read;
    int prepared;
    int started;
    int rgb;
    int finished;
};

fs_jpeg_reader *fs_jpeg_reader_create(const uint8_t *data, size_t length) {
    fs_jpeg_reader *reader = (fs_jpeg_reader *)calloc(1, sizeof(fs_jpeg_reader));
    if (!reader) return NULL;
    reader->data = data;
    reader->length = length;
    return reader;
}

int fs_jpeg_read_header(fs_jpeg_reader *reader, fs_jpeg_header *header) {
    if (!reader || !header || reader->header_read || reader->created) return FS_ERR_USAGE;
    if (reader->length < 3 || reader->data[0] != 0xFF || reader->data[1] != 0xD8) {
        snprintf(reader->error.message, sizeof(reader->error.message), "not a JPEG start-of-image marker");
        return FS_ERR_CORRUPT;
    }
    fs_jpeg_install(&reader->error);
    reader->cinfo.err = &reader->error.base;
    if (setjmp(reader->error.jump)) {
        return reader->error.status ? reader->error.status : FS_ERR_CORRUPT;
    }
    jpeg_create_decompress(&reader->cinfo);
    reader->created = 1;
    jpeg_mem_src(&reader->cinfo, reader->data, (unsigned long)reader->length);
    jpeg_save_markers(&reader->cinfo, JPEG_APP0 + 1, 0xFFFF);
    jpeg_read_header(&reader->cinfo, TRUE);
    reader->header_read = 1;

    struct jpeg_decompress_struct *c = &reader->cinfo;
    memset(header, 0, sizeof(*header));
    header->width = c->image_width;
    header->height = c->image_height;
    header->components = c->num_components;
    switch (c->jpeg_color_space) {
    case JCS_GRAYSCALE: header->color_space = 1; break;
    case JCS_RGB: header->color_space = 2; break;
    case JCS_YCbCr: header->color_space = 3; break;
    case JCS_CMYK: header->color_space = 4; break;
    case JCS_YCCK: header->color_space = 5; break;
    default: header->color_space = 0; break;
    }
    header->progressive = c->progressive_mode ? 1 : 0;
    header->saw_jfif = c->saw_JFIF_marker ? 1 : 0;
    header->density_unit = c->density_unit;
    header->x_density = c->X_density;
    header->y_density = c->Y_density;
    return FS_OK;
}

const uint8_t *fs_jpeg_exif(const fs_jpeg_reader *reader, size_t *length) {
    *length = 0;
    if (!reader || !reader->header_read) return NULL;
    for (jpeg_saved_marker_ptr marker = reader->cinfo.marker_list; marker; marker = marker->next) {
        if (marker->marker == JPEG_APP0 + 1 && marker->data_length > 6 && memcmp(marker->data, "Exif\0\0", 6) == 0) {
            *length = marker->data_length - 6;
            return marker->data + 6;
        }
    }
    return NULL;
}

/* Chooses the output colour space and the DCT scale, and reports the delivered size. Arms its own setjmp. */
static int fs_jpeg_prepare(fs_jpeg_reader *reader, int scale_denominator, J_COLOR_SPACE space, uint32_t *width, uint32_t *height) {
    if (scale_denominator != 1 && scale_denominator != 2 && scale_denominator != 4 && scale_denominator != 8) {
        return FS_ERR_USAGE;
    }
    struct jpeg_decompress_struct *c = &reader->cinfo;
    if (setjmp(reader->error.jump)) {
        return reader->error.status ? reader->error.status : FS_ERR_CORRUPT;
    }
    c->out_color_space = space;
    c->scale_num = 1;
    c->scale_denom = (unsigned int)scale_denominator;
    c->dct_method = JDCT_ISLOW;
    jpeg_calc_output_dimensions(c);
    *width = c->output_width;
    *height = c->output_height;
    reader->prepared = 1;
    reader->rgb = space == JCS_RGB;
    return FS_OK;
}

int fs_jpeg_prepare_grey(fs_jpeg_reader *reader, int scale_denominator, uint32_t *width, uint32_t *height) {
    if (!reader || !reader->header_read || reader->started) return FS_ERR_USAGE;
    struct jpeg_decompress_struct *c = &reader->cinfo;
    if (c->jpeg_color_space == JCS_CMYK || c->jpeg_color_space == JCS_YCCK) {
        snprintf(reader->error.message, sizeof(reader->error.message),
                 "unsupported colour space %s", c->jpeg_color_space == JCS_CMYK ? "CMYK" : "YCCK");
        return FS_ERR_UNSUPPORTED;
    }
    return fs_jpeg_prepare(reader, scale_denominator, JCS_GRAYSCALE, width, height);
}

int fs_jpeg_read_grey(fs_jpeg_reader *reader, uint8_t *pixels, size_t stride) {
    if (!reader || !pixels || !reader->prepared || reader->started || reader->rgb) return FS_ERR_USAGE;
    struct jpeg_decompress_struct *c = &reader->cinfo;
    if (stride < c->output_width) return FS_ERR_USAGE;
    if (setjmp(reader->error.jump)) {
        return reader->error.status ? reader->error.status : FS_ERR_CORRUPT;
    }
    reader->started = 1;
    jpeg_start_decompress(c);
    if (c->output_components != 1) {
        snprintf(reader->error.message, sizeof(reader->error.message), "libjpeg did not deliver grey output");
        return FS_ERR_UNSUPPORTED;
    }
    while (c->output_scanline < c->output_height) {
        JSAMPROW row = pixels + (size_t)c->output_scanline * stride;
        jpeg_read_scanlines(c, &row, 1);
    }
    jpeg_finish_decompress(c);
    return FS_OK;
}

int fs_jpeg_prepare_rgb(fs_jpeg_reader *reader, int scale_denominator, uint32_t *width, uint32_t *height) {
    if (!reader || !reader->header_read || reader->started) return FS_ERR_USAGE;
    struct jpeg_decompress_struct *c = &reader->cinfo;
    if (c->num_components != 3 || (c->jpeg_color_space != JCS_YCbCr && c->jpeg_color_space != JCS_RGB)) {
        snprintf(reader->error.message, sizeof(reader->error.message), "not a three-component colour image");
        return FS_ERR_UNSUPPORTED;
    }
    return fs_jpeg_prepare(reader, scale_denominator, JCS_RGB, width, height);
}

int fs_jpeg_read_rows(fs_jpeg_reader *reader, uint8_t *rows, size_t stride, uint32_t max_rows, uint32_t *delivered) {
    if (!reader || !rows || !delivered || !reader->prepared || !reader->rgb || reader->finished) return FS_ERR_USAGE;
    struct jpeg_decompress_struct *c = &reader->cinfo;
    if (stride < 3 * (size_t)c->output_width) return FS_ERR_USAGE;
    *delivered = 0;
    if (setjmp(reader->error.jump)) {
        return reader->error.status ? reader->error.status : FS_ERR_CORRUPT;
    }
    if (!reader->started) {
        reader->started = 1;
        jpeg_start_decompress(c);
        if (c->output_components != 3) {
            snprintf(reader->error.message, sizeof(reader->error.message), "libjpeg did not deliver RGB output");
            return FS_ERR_UNSUPPORTED;
        }
    }
    while (*delivered < max_rows && c->output_scanline < c->output_height) {
        JSAMPROW row = rows + (size_t)(*delivered) * stride;
        JDIMENSION read = jpeg_read_scanlines(c, &row, 1);
        if (read == 0) {
            snprintf(reader->error.message, sizeof(reader->error.message), "libjpeg delivered no scanline");
            return FS_ERR_CORRUPT;
        }
        *delivered += read;
    }
    if (c->output_scanline == c->output_height) {
        jpeg_finish_decompress(c);
        reader->finished = 1;
    }
    return FS_OK;
}

const char *fs_jpeg_reader_message(const fs_jpeg_reader *reader) {
    return reader ? reader->error.message : "";
}

void fs_jpeg_reader_destroy(fs_jpeg_reader *reader) {
    if (!reader) return;
    if (reader->created) jpeg_destroy_decompress(&reader->cinfo);
    free(reader);
}

/* ---------------------------------------------------------------- encoding */

typedef struct {
    struct jpeg_compress_struct cinfo;
    fs_jpeg_error error;
    unsigned char *buffer;
    unsigned long length;
    int created;
} fs_jpeg_encoder;

int fs_jpeg_encode(const fs_jpeg_encode_params *params, uint8_t **output, size_t *output_length,
                   char *message, size_t message_capacity) {
    if (!params || !output || !output_length || !params->pixels) return FS_ERR_USAGE;
    if (params->components != 1 && params->components != 3 && params->components != 4) return FS_ERR_USAGE;
    *output = NULL;
    *output_length = 0;
    fs_jpeg_encoder *encoder = (fs_jpeg_encoder *)calloc(1, sizeof(fs_jpeg_encoder));
    if (!encoder) return FS_ERR_NOMEM;
    int status = FS_OK;
    fs_jpeg_install(&encoder->error);
    encoder->cinfo.err = &encoder->error.base;
    if (setjmp(encoder->error.jump)) {
        status = encoder->error.status ? encoder->error.status : FS_ERR_USAGE;
        if (message && message_capacity > 0) snprintf(message, message_capacity, "%s", encoder->error.message);
    } else {
        struct jpeg_compress_struct *c = &encoder->cinfo;
        jpeg_create_compress(c);
        encoder->created = 1;
        jpeg_mem_dest(c, &encoder->buffer, &encoder->length);
        c->image_width = params->width;
        c->image_height = params->height;
        c->input_components = params->components;
        c->in_color_space = params->components == 1 ? JCS_GRAYSCALE : (params->components == 3 ? JCS_RGB : JCS_CMYK);
        jpeg_set_defaults(c);
        if (params->components == 3 && params->store_rgb) jpeg_set_colorspace(c, JCS_RGB);
        jpeg_set_quality(c, params->quality < 1 ? 1 : (params->quality > 100 ? 100 : params->quality), TRUE);
        if (params->progressive) jpeg_simple_progression(c);
        /* JFIF means YCbCr: an RGB-coded or CMYK file carries an Adobe marker instead. */
        c->write_JFIF_header = (params->write_jfif && c->jpeg_color_space != JCS_RGB && c->jpeg_color_space != JCS_CMYK) ? TRUE : FALSE;
        c->density_unit = (UINT8)params->density_unit;
        c->X_density = params->x_density;
        c->Y_density = params->y_density;
        jpeg_start_compress(c, TRUE);
        if (params->exif && params->exif_length > 0 && params->exif_length + 6 <= 65533) {
            jpeg_write_m_header(c, JPEG_APP0 + 1, (unsigned int)(params->exif_length + 6));
            const char prefix[6] = {'E', 'x', 'i', 'f', 0, 0};
            for (int i = 0; i < 6; i++) jpeg_write_m_byte(c, prefix[i]);
            for (size_t i = 0; i < params->exif_length; i++) jpeg_write_m_byte(c, params->exif[i]);
        }
        while (c->next_scanline < c->image_height) {
            JSAMPROW row = (JSAMPROW)(params->pixels + (size_t)c->next_scanline * params->stride);
            jpeg_write_scanlines(c, &row, 1);
        }
        jpeg_finish_compress(c);
    }
    if (status == FS_OK) {
        *output = encoder->buffer;
        *output_length = encoder->length;
        encoder->buffer = NULL;
    }
    if (encoder->created) jpeg_destroy_compress(&encoder->cinfo);
    free(encoder->buffer);
    free(encoder);
    return status;
}
