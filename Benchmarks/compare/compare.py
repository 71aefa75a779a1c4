#!/usr/bin/env python3
"""Times FootScan and a careful OpenCV pipeline side by side, in one run, on the same generated scans,
and compares their accuracy against the generator's truth. Run by compare.sh (which makes the venv).

For each density it reports, as the minimum over repeats (milliseconds):
  opencv_decode      cv2.imread greyscale (OpenCV's own libjpeg-turbo / libpng)
  opencv_measure     the OpenCV measuring steps on the decoded buffer
  footscan_decode    FootScan's decode (system libjpeg-turbo / libpng), from `footscan bench`
  footscan_core      FootScan's core on the decoded buffer, single thread
  footscan_e2e       decode + measure in FootScan
and the ratios the issue asks for, plus whole-process times (`footscan measure` against
`python3 opencv_measure.py`, start-up included) and both tools' length and width errors.
"""
import json
import os
import statistics
import subprocess
import sys
import time

import cv2

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from opencv_measure import measure_buffer  # noqa: E402


def best(runs, body):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        body()
        times.append((time.perf_counter() - start) * 1000)
    return min(times)


def main():
    footscan, folder = sys.argv[1], sys.argv[2]
    runs = int(os.environ.get("COMPARE_RUNS", "7"))
    rows = []
    for dpi in (150, 300, 600):
        for fmt in ("jpeg", "png"):
            prefix = f"compare-{dpi}-{fmt}"
            subprocess.run([footscan, "synth", "--out", folder, "--count", "4", "--seed", "77", "--dpi", str(dpi), "--feet", "1",
                            "--format", fmt, "--clean", "--prefix", prefix], check=True, capture_output=True)
            files = sorted(f for f in os.listdir(folder) if f.startswith(prefix) and not f.endswith(".json"))
            for name in files:
                path = os.path.join(folder, name)
                truth = json.load(open(path.rsplit(".", 1)[0] + ".truth.json"))["feet"][0]
                bench = json.loads(subprocess.run([footscan, "bench", path, "--repeat", str(runs), "--format", "json"],
                                                  check=True, capture_output=True, text=True).stdout)
                grey = cv2.imread(path, cv2.IMREAD_GRAYSCALE)
                cv_decode = best(runs, lambda: cv2.imread(path, cv2.IMREAD_GRAYSCALE))
                cv_measure = best(runs, lambda: measure_buffer(grey, dpi))
                cv_result = measure_buffer(grey, dpi)
                fs_process = best(3, lambda: subprocess.run([footscan, "measure", "--format", "json", path], check=True, capture_output=True))
                py_process = best(3, lambda: subprocess.run([sys.executable, os.path.join(os.path.dirname(__file__), "opencv_measure.py"), path, str(dpi)],
                                                            check=True, capture_output=True))
                fs_feet = bench["feet"][0] if bench["feet"] else {"length_mm": float("nan"), "width_mm": float("nan")}
                rows.append({
                    "dpi": dpi, "format": fmt, "pixels": bench["width_px"] * bench["height_px"],
                    "cv_decode": cv_decode, "cv_measure": cv_measure, "fs_decode": bench["decode_ms_min"],
                    "fs_core": bench["core_ms_min"], "fs_e2e": bench["end_to_end_ms_min"],
                    "fs_process": fs_process, "py_process": py_process,
                    "fs_length_err": abs(fs_feet["length_mm"] - truth["length_mm"]), "fs_width_err": abs(fs_feet["width_mm"] - truth["width_mm"]),
                    "cv_length_err": abs(cv_result["length_mm"] - truth["length_mm"]), "cv_width_err": abs(cv_result["width_mm"] - truth["width_mm"]),
                })
    print(f"FootScan against OpenCV {cv2.__version__}, minimum of {runs} runs each, one thread, same files, same run")
    header = ("dpi", "fmt", "Mpx", "cv meas ns/px", "fs core ns/px", "core speed-up", "fs e2e / fs decode", "cv e2e / fs e2e",
              "process py/fs", "len err fs/cv mm", "width err fs/cv mm")
    print(" | ".join(header))
    for dpi in (150, 300, 600):
        for fmt in ("jpeg", "png"):
            group = [r for r in rows if r["dpi"] == dpi and r["format"] == fmt]
            med = lambda key: statistics.median(r[key] for r in group)
            px = med("pixels")
            print(" | ".join([
                str(dpi), fmt, f"{px / 1e6:.1f}",
                f"{med('cv_measure') * 1e6 / px:.2f}", f"{med('fs_core') * 1e6 / px:.2f}", f"{med('cv_measure') / med('fs_core'):.1f}x",
                f"{med('fs_e2e') / med('fs_decode'):.2f}x", f"{(med('cv_decode') + med('cv_measure')) / med('fs_e2e'):.1f}x",
                f"{med('py_process') / med('fs_process'):.1f}x",
                f"{max(r['fs_length_err'] for r in group):.2f}/{max(r['cv_length_err'] for r in group):.2f}",
                f"{max(r['fs_width_err'] for r in group):.2f}/{max(r['cv_width_err'] for r in group):.2f}",
            ]))


if __name__ == "__main__":
    main()
