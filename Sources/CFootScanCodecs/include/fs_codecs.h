/*
 * fs_codecs.h: the thin C shim between FootScan and the system libpng and libjpeg-turbo.
 *
 * Both libraries report errors with longjmp. Every entry point below that calls into a
 * library arms its own setjmp first, so a longjmp only ever unwinds C frames inside this
 * shim and never a Swift frame. All decoder state lives on the heap in an opaque reader that
 * the caller creates and destroys; after an error the reader carries the library's message.
 * Nothing the libraries say is printed: warnings and errors are captured in the reader.
 *
 * Not a stable API: only FootScanImage calls it, and it changes with FootScanImage. Code outside
 * this package decodes through FootScanImage (ScanDecoder), never through these functions.
 */
#ifndef FS_CODECS_H
#define FS_CODECS_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Status codes returned by every entry point. */
enum {
    FS_OK = 0,
    FS_ERR_CORRUPT = 1,      /* the library rejected the data */
    FS_ERR_TRUNCATED = 2,    /* the data ended before the image did */
    FS_ERR_UNSUPPORTED = 3,  /* valid data in a form FootScan does not read */
    FS_ERR_NOMEM = 4,        /* an allocation failed */
    FS_ERR_USAGE = 5         /* the shim was called out of order or with bad arguments */
};

/* ---------------------------------------------------------------- PNG decoding */

typedef struct fs_png_reader fs_png_reader;

typedef struct {
    uint32_t width;
    uint32_t height;
    int bit_depth;          /* 1, 2, 4, 8 or 16 */
    int color_type;         /* PNG colour type: 0 grey, 2 RGB, 3 palette, 4 grey+alpha, 6 RGBA */
    int interlaced;         /* 1 for Adam7 */
    int has_trns;
    int has_phys;
    uint32_t phys_x;        /* pixels per unit */
    uint32_t phys_y;
    int phys_unit;          /* 1: metre, 0: unknown (aspect ratio only) */
} fs_png_header;

/* Creates a reader over `length` bytes at `data`; the bytes must outlive the reader. NULL when out of memory. */
fs_png_reader *fs_png_reader_create(const uint8_t *data, size_t length);
/* Reads the signature and every chunk before the image data. */
int fs_png_read_header(fs_png_reader *reader, fs_png_header *header);
/* Decodes the whole image as 8-bit luma (Rec. 601 weights, alpha dropped) into `pixels`, one row every `stride` bytes. */
int fs_png_read_grey(fs_png_reader *reader, uint8_t *pixels, size_t stride);
/*
 * Row by row 8-bit RGB instead (palette expanded, 16-bit scaled down, alpha dropped), for colour images
 * that are not interlaced; grey and Adam7 images are refused with FS_ERR_UNSUPPORTED. Then
 * fs_png_read_rows delivers up to `max_rows` rows of 3 bytes a pixel, one every `stride` bytes, and
 * says in *delivered how many; after the last row the rest of the file is read.
 */
int fs_png_prepare_rgb(fs_png_reader *reader);
int fs_png_read_rows(fs_png_reader *reader, uint8_t *rows, size_t stride, uint32_t max_rows, uint32_t *delivered);
/* The eXIf chunk's bytes (a TIFF structure) seen so far, or NULL; valid until the reader is destroyed. */
const uint8_t *fs_png_exif(const fs_png_reader *reader, size_t *length);
/* The message of the last error or warning, or an empty string. */
const char *fs_png_reader_message(const fs_png_reader *reader);
void fs_png_reader_destroy(fs_png_reader *reader);

/* ---------------------------------------------------------------- JPEG decoding */

typedef struct fs_jpeg_reader fs_jpeg_reader;

typedef struct {
    uint32_t width;
    uint32_t height;
    int components;         /* 1, 3 or 4 */
    int color_space;        /* 1 grey, 2 RGB, 3 YCbCr, 4 CMYK, 5 YCCK, 0 unknown */
    int progressive;
    int saw_jfif;
    int density_unit;       /* JFIF: 0 aspect only, 1 dots per inch, 2 dots per cm */
    uint32_t x_density;
    uint32_t y_density;
} fs_jpeg_header;

fs_jpeg_reader *fs_jpeg_reader_create(const uint8_t *data, size_t length);
/* Reads the markers up to the first scan, keeping APP1 (EXIF). */
int fs_jpeg_read_header(fs_jpeg_reader *reader, fs_jpeg_header *header);
/* The first APP1 "Exif\0\0" payload after its 6-byte prefix (a TIFF structure), or NULL. */
const uint8_t *fs_jpeg_exif(const fs_jpeg_reader *reader, size_t *length);
/*
 * Chooses greyscale output at 1/scale_denominator of the full size (1, 2, 4 or 8: libjpeg-turbo's DCT
 * scaling) and reports the delivered size. CMYK and YCCK are refused as unsupported.
 */
int fs_jpeg_prepare_grey(fs_jpeg_reader *reader, int scale_denominator, uint32_t *width, uint32_t *height);
/* Decodes every scanline into `pixels`. Any libjpeg warning (a truncated scan, corrupt data) is an error. */
int fs_jpeg_read_grey(fs_jpeg_reader *reader, uint8_t *pixels, size_t stride);
/*
 * RGB output instead, at 1/scale_denominator of the full size, for three-component (YCbCr or RGB) images;
 * others are refused with FS_ERR_UNSUPPORTED. Then fs_jpeg_read_rows delivers up to `max_rows` rows of
 * 3 bytes a pixel, one every `stride` bytes, and says in *delivered how many; after the last row the
 * decompressor is finished. Warnings are errors here too.
 */
int fs_jpeg_prepare_rgb(fs_jpeg_reader *reader, int scale_denominator, uint32_t *width, uint32_t *height);
int fs_jpeg_read_rows(fs_jpeg_reader *reader, uint8_t *rows, size_t stride, uint32_t max_rows, uint32_t *delivered);
/*
 * The three planes of a YCbCr JPEG as stored (libjpeg-turbo's raw data output: no chroma upsampling, no
 * colour conversion), after DCT scaling by 1, 2, 4 or 8. fs_jpeg_prepare_planes fills `layout`: each
 * plane's delivered size and the padded size its buffer must have (whole iMCU rows and blocks), and the
 * chroma subsampling (`chroma_x`, `chroma_y`: 1 or 2 luma pixels per chroma sample). Files that are not
 * three-component YCbCr, or whose chroma is subsampled otherwise (4:1:1, luma not the densest), are
 * refused with FS_ERR_UNSUPPORTED. fs_jpeg_read_planes then decodes into three buffers laid out so, up to
 * `max_imcu_rows` iMCU rows a call (an iMCU row is `chroma_y` scaled blocks of luma rows: 16 for 4:2:0 at
 * full size), and says in *luma_rows how many of the luma rows are decoded in all (at most the delivered
 * height), so that the caller can read them between calls while they are still in the cache; after the
 * last row the decompressor is finished.
 */
typedef struct {
    uint32_t width[3];          /* delivered samples across, per plane (Y, Cb, Cr) */
    uint32_t height[3];         /* delivered rows, per plane */
    uint32_t padded_width[3];   /* the buffer's minimum row length, per plane */
    uint32_t padded_height[3];  /* the buffer's minimum number of rows, per plane */
    int chroma_x;               /* luma samples per chroma sample across: 1 or 2 */
    int chroma_y;               /* ... down: 1 or 2 */
} fs_jpeg_plane_layout;

int fs_jpeg_prepare_planes(fs_jpeg_reader *reader, int scale_denominator, fs_jpeg_plane_layout *layout);
int fs_jpeg_read_planes(fs_jpeg_reader *reader, uint8_t *const planes[3], const size_t strides[3], uint32_t max_imcu_rows,
                        uint32_t *luma_rows);
const char *fs_jpeg_reader_message(const fs_jpeg_reader *reader);
void fs_jpeg_reader_destroy(fs_jpeg_reader *reader);

/* ---------------------------------------------------------------- encoding */

typedef struct {
    uint32_t width;
    uint32_t height;
    int bit_depth;               /* 1, 2, 4, 8 or 16 */
    int color_type;              /* as in fs_png_header */
    int interlaced;
    const uint8_t *rows;         /* packed PNG row bytes (16-bit big-endian), one row every `stride` bytes */
    size_t stride;
    const uint8_t *palette;      /* RGB triples, for colour type 3 */
    int palette_entries;
    const uint8_t *trns;         /* palette alpha bytes (type 3), or NULL */
    int trns_entries;
    int trns_grey;               /* transparent grey value for type 0, or -1 */
    uint32_t pixels_per_metre;   /* 0: no pHYs chunk */
    const uint8_t *exif;         /* eXIf payload (TIFF structure), or NULL */
    size_t exif_length;
    int compression_level;       /* zlib level 0...9 */
    int filters;                 /* PNG_FILTER_* mask (NONE 0x08, SUB 0x10, UP 0x20, AVG 0x40, PAETH 0x80); 0: libpng's default */
    int strategy;                /* zlib strategy (0 default, 1 filtered, 2 Huffman only, 3 RLE) */
} fs_png_encode_params;

/* Encodes a PNG into a new malloc'd buffer returned in *output (free it with fs_free). */
int fs_png_encode(const fs_png_encode_params *params, uint8_t **output, size_t *output_length,
                  char *message, size_t message_capacity);

typedef struct {
    uint32_t width;
    uint32_t height;
    int components;              /* 1 grey, 3 RGB, 4 CMYK */
    int store_rgb;               /* with 3 components: store RGB as it is instead of converting to YCbCr */
    int chroma_x;                /* YCbCr: luma samples per chroma sample across (1 or 2; 0: libjpeg's default, 2) */
    int chroma_y;                /* ... down (1 or 2; 0: 2) */
    const uint8_t *pixels;       /* one row every `stride` bytes */
    size_t stride;
    int quality;                 /* 1...100 */
    int progressive;
    int write_jfif;
    int density_unit;            /* 0, 1 (dpi) or 2 (dots per cm) */
    uint16_t x_density;
    uint16_t y_density;
    const uint8_t *exif;         /* TIFF structure written as APP1 "Exif\0\0" + payload, or NULL */
    size_t exif_length;
} fs_jpeg_encode_params;

int fs_jpeg_encode(const fs_jpeg_encode_params *params, uint8_t **output, size_t *output_length,
                   char *message, size_t message_capacity);

void fs_free(void *pointer);

#ifdef __cplusplus
}
#endif

#endif
