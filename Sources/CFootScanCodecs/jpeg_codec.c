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

/* A component's scaled DCT size, and the smallest of any: one field before libjpeg 7's API, two after. */
#if JPEG_LIB_VERSION >= 70
#define FS_DCT_SIZE(comp) ((comp)->DCT_v_scaled_size)
#define FS_MIN_DCT_SIZE(cinfo) ((cinfo)->min_DCT_v_scaled_size)
#else
#define FS_DCT_SIZE(comp) ((comp)->DCT_scaled_size)
#define FS_MIN_DCT_SIZE(cinfo) ((cinfo)->min_DCT_scaled_size)
#endif

int fs_jpeg_prepare_planes(fs_jpeg_reader *reader, int scale_denominator, fs_jpeg_plane_layout *layout) {
    if (!reader || !layout || !reader->header_read || reader->started) return FS_ERR_USAGE;
    struct jpeg_decompress_struct *c = &reader->cinfo;
    if (c->num_components != 3 || c->jpeg_color_space != JCS_YCbCr) {
        snprintf(reader->error.message, sizeof(reader->error.message), "not a three-component YCbCr image");
        return FS_ERR_UNSUPPORTED;
    }
    int status = fs_jpeg_prepare(reader, scale_denominator, JCS_YCbCr, &layout->width[0], &layout->height[0]);
    if (status != FS_OK) return status;
    reader->rgb = 0;
    jpeg_component_info *y = &c->comp_info[0];
    if (y->h_samp_factor != c->max_h_samp_factor || y->v_samp_factor != c->max_v_samp_factor) {
        snprintf(reader->error.message, sizeof(reader->error.message), "luma is not the densest component");
        return FS_ERR_UNSUPPORTED;
    }
    int chroma_x = 0, chroma_y = 0;
    for (int ci = 0; ci < 3; ci++) {
        jpeg_component_info *comp = &c->comp_info[ci];
        if (c->max_h_samp_factor % comp->h_samp_factor || c->max_v_samp_factor % comp->v_samp_factor) return FS_ERR_UNSUPPORTED;
        int fx = c->max_h_samp_factor / comp->h_samp_factor, fy = c->max_v_samp_factor / comp->v_samp_factor;
        if (ci == 0) continue;
        if ((fx != 1 && fx != 2) || (fy != 1 && fy != 2) || (ci == 2 && (fx != chroma_x || fy != chroma_y))) {
            snprintf(reader->error.message, sizeof(reader->error.message), "chroma subsampled %d x %d", fx, fy);
            return FS_ERR_UNSUPPORTED;
        }
        chroma_x = fx;
        chroma_y = fy;
    }
    /* libjpeg-turbo's raw output works at its minimum DCT scaled size; the components' own must agree. */
    for (int ci = 0; ci < 3; ci++) {
        jpeg_component_info *comp = &c->comp_info[ci];
        if (FS_DCT_SIZE(comp) != FS_MIN_DCT_SIZE(c)) return FS_ERR_UNSUPPORTED;
        layout->width[ci] = comp->downsampled_width;
        layout->height[ci] = comp->downsampled_height;
        layout->padded_width[ci] = comp->width_in_blocks * (uint32_t)FS_DCT_SIZE(comp);
        uint32_t rows_per_imcu = (uint32_t)(comp->v_samp_factor * FS_DCT_SIZE(comp));
        uint32_t imcu_rows = (c->output_height + (uint32_t)(c->max_v_samp_factor * FS_MIN_DCT_SIZE(c)) - 1)
                             / (uint32_t)(c->max_v_samp_factor * FS_MIN_DCT_SIZE(c));
        layout->padded_height[ci] = imcu_rows * rows_per_imcu;
    }
    layout->chroma_x = chroma_x;
    layout->chroma_y = chroma_y;
    c->raw_data_out = TRUE;
    return FS_OK;
}

int fs_jpeg_read_planes(fs_jpeg_reader *reader, uint8_t *const planes[3], const size_t strides[3], uint32_t max_imcu_rows,
                        uint32_t *luma_rows) {
    if (!reader || !planes || !strides || !luma_rows || !reader->prepared || reader->finished || !reader->cinfo.raw_data_out)
        return FS_ERR_USAGE;
    struct jpeg_decompress_struct *c = &reader->cinfo;
    if (setjmp(reader->error.jump)) {
        return reader->error.status ? reader->error.status : FS_ERR_CORRUPT;
    }
    if (!reader->started) {
        reader->started = 1;
        jpeg_start_decompress(c);
    }
    JDIMENSION lines = (JDIMENSION)(c->max_v_samp_factor * FS_MIN_DCT_SIZE(c));
    /* Row pointers for one iMCU row of each component: at most 4 x 16 rows (v factor up to 4, scaled size up to 16). */
    JSAMPROW rows[3][64];
    JSAMPARRAY arrays[3] = { rows[0], rows[1], rows[2] };
    uint32_t read = 0;
    while (read < max_imcu_rows && c->output_scanline < c->output_height) {
        JDIMENSION imcu = c->output_scanline / lines;
        for (int ci = 0; ci < 3; ci++) {
            jpeg_component_info *comp = &c->comp_info[ci];
            int count = comp->v_samp_factor * FS_DCT_SIZE(comp);
            if (count > 64) return FS_ERR_UNSUPPORTED;
            for (int i = 0; i < count; i++) rows[ci][i] = planes[ci] + ((size_t)imcu * (size_t)count + (size_t)i) * strides[ci];
        }
        if (jpeg_read_raw_data(c, arrays, lines) == 0) {
            snprintf(reader->error.message, sizeof(reader->error.message), "libjpeg delivered no raw data");
            return FS_ERR_CORRUPT;
        }
        read++;
    }
    *luma_rows = c->output_scanline < c->output_height ? c->output_scanline : c->output_height;
    if (c->output_scanline >= c->output_height) {
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
        if (params->components == 3 && !params->store_rgb && (params->chroma_x || params->chroma_y)) {
            c->comp_info[0].h_samp_factor = params->chroma_x == 1 ? 1 : 2;
            c->comp_info[0].v_samp_factor = params->chroma_y == 1 ? 1 : 2;
        }
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
