#!/usr/bin/env python3
"""Writes the fuzzers' seed corpora (committed under Tests/Fuzz/Corpus; run again only to renew them).

Usage: make-seeds.py FOOTSCAN_BINARY   (needs Pillow)

The seeds are small scans from `footscan synth` (every device and look, at 20-25 dpi, shrunk to at
most 160 pixels a side) and the same pictures in every PNG and JPEG form the decoder reads: grey 1, 2,
4, 8 and 16 bits, palette with and without transparency, grey and alpha, RGB, RGBA; JPEG grey,
baseline and progressive, 4:2:0, 4:2:2 and 4:4:4, CMYK, with JFIF density or EXIF orientation.
"""
import io
import os
import subprocess
import sys
import tempfile

from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "Corpus")
SCENES = [
    ("plain", ["--seed", "1"]),
    ("dark-bed", ["--seed", "3", "--look", "dark-bed"]),
    ("light-bed", ["--seed", "4", "--look", "light-bed"]),
    ("quirks", ["--seed", "5", "--quirks"]),
    ("podoscope", ["--seed", "6", "--device", "podoscope"]),
    ("pressure-plate", ["--seed", "7", "--device", "pressure-plate"]),
    ("ink-grid", ["--seed", "8", "--device", "ink-grid"]),
    ("contact-scanner", ["--seed", "9", "--device", "contact-scanner"]),
]


def exif_orientation(value):
    """A little-endian TIFF structure holding Orientation and a 100 dpi resolution."""
    entries = [(0x0112, 3, 1, value), (0x011A, 5, 1, 0), (0x011B, 5, 1, 0), (0x0128, 3, 1, 2)]
    count = len(entries)
    data_offset = 8 + 2 + 12 * count + 4
    out = bytearray(b"II*\x00" + (8).to_bytes(4, "little") + count.to_bytes(2, "little"))
    extra = bytearray()
    for tag, kind, n, v in entries:
        out += tag.to_bytes(2, "little") + kind.to_bytes(2, "little") + n.to_bytes(4, "little")
        if kind == 5:
            out += (data_offset + len(extra)).to_bytes(4, "little")
            extra += (100).to_bytes(4, "little") + (1).to_bytes(4, "little")
        else:
            out += v.to_bytes(2, "little") + b"\x00\x00"
    out += (0).to_bytes(4, "little")
    return bytes(out + extra)


def save(folder, name, data):
    os.makedirs(os.path.join(CORPUS, folder), exist_ok=True)
    with open(os.path.join(CORPUS, folder, name), "wb") as f:
        f.write(data)


def encoded(image, fmt, **kw):
    buffer = io.BytesIO()
    image.save(buffer, fmt, **kw)
    return buffer.getvalue()


def main():
    footscan = sys.argv[1]
    with tempfile.TemporaryDirectory() as tmp:
        for name, args in SCENES:
            subprocess.run([footscan, "synth", "--dpi", "25", "--format", "png", "--out", tmp, "--prefix", name] + args,
                           check=True, stdout=subprocess.DEVNULL)
            path = next(os.path.join(tmp, f) for f in os.listdir(tmp) if f.startswith(name) and f.endswith(".png"))
            image = Image.open(path)
            image.load()
            scale = max(image.size) / 160
            size = (max(8, round(image.size[0] / scale)), max(8, round(image.size[1] / scale)))
            small = image.convert("RGB").resize(size, Image.BILINEAR)
            dpi = (25 / scale, 25 / scale)
            grey = small.convert("L")
            files = {
                f"{name}.rgb.png": encoded(small, "PNG", dpi=dpi),
                f"{name}.jpg": encoded(small, "JPEG", quality=85, dpi=dpi),
            }
            if name == "plain":
                files.update({
                    "plain.grey.png": encoded(grey, "PNG", dpi=dpi),
                    "plain.grey16.png": encoded(grey.convert("I").point(lambda v: v * 257).convert("I;16"), "PNG"),
                    "plain.bits1.png": encoded(grey.convert("1"), "PNG"),
                    "plain.palette4.png": encoded(small.quantize(16), "PNG", bits=4),
                    "plain.palette-trns.png": encoded(small.quantize(64), "PNG", transparency=0),
                    "plain.grey-alpha.png": encoded(grey.convert("LA"), "PNG"),
                    "plain.rgba.png": encoded(small.convert("RGBA"), "PNG", exif=exif_orientation(6)),
                    "plain.grey.jpg": encoded(grey, "JPEG", quality=70),
                    "plain.progressive.jpg": encoded(small, "JPEG", quality=60, progressive=True, dpi=dpi),
                    "plain.444.jpg": encoded(small, "JPEG", quality=90, subsampling=0),
                    "plain.422.jpg": encoded(small, "JPEG", quality=90, subsampling=1),
                    "plain.cmyk.jpg": encoded(small.convert("CMYK"), "JPEG", quality=80),
                    "plain.exif-rotated.jpg": encoded(small, "JPEG", quality=80, exif=exif_orientation(8)),
                })
            for file, data in files.items():
                save("decode", file, data)
                if file.endswith(".png"):
                    save("png", file, data)
                else:  # the first byte chooses the DCT scaling: each file at one of them
                    scale_code = len(data) % 4
                    save("jpeg", f"{file}.scale{1 << scale_code}", bytes([scale_code]) + data)
            # The engine's seeds: the grey picture with its size, density and mode 0 (grey levels) in front.
            width, height = grey.size
            header = bytes([width >> 8, width & 255, height >> 8, height & 255, max(0, round((dpi[0] - 10) / 3)), 0])
            save("engine", f"{name}.grey", header + grey.tobytes())
            # The channel fuzzer's seeds: the colour picture in 4-pixel cells.
            cells = small.resize((max(1, width // 4), max(1, height // 4)), Image.BILINEAR)
            cw, ch = cells.size
            header = bytes([0, (cw - 1) % 64, (ch - 1) % 64, 3, 25, 60])
            save("channel", f"{name}.cells", header + cells.crop((0, 0, min(cw, 64), min(ch, 64))).tobytes())


if __name__ == "__main__":
    main()
