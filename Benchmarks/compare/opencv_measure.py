#!/usr/bin/env python3
"""A careful OpenCV foot-measuring pipeline, the reference FootScan is compared with.

imread greyscale, 5x5 Gaussian blur, Otsu threshold with the polarity taken from the border, 7x7
closing, external contours, the largest contour, and its extents along and across its principal axis.
Usage: opencv_measure.py FILE DPI  -> prints {"length_mm": ..., "width_mm": ...} (one line of JSON).
"""
import json
import sys

import cv2
import numpy as np


def measure_buffer(grey, dpi):
    blurred = cv2.GaussianBlur(grey, (5, 5), 0)
    threshold, binary = cv2.threshold(blurred, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    border = np.concatenate([blurred[0, :], blurred[-1, :], blurred[:, 0], blurred[:, -1]])
    if border.mean() > threshold:  # light bed: the foot is the dark class
        binary = 255 - binary
    closed = cv2.morphologyEx(binary, cv2.MORPH_CLOSE, np.ones((7, 7), np.uint8))
    contours, _ = cv2.findContours(closed, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_NONE)
    if not contours:
        return None
    contour = max(contours, key=cv2.contourArea).reshape(-1, 2).astype(np.float64)
    centred = contour - contour.mean(axis=0)
    _, vectors = np.linalg.eigh(np.cov(centred.T))
    major, minor = vectors[:, 1], vectors[:, 0]
    along, across = centred @ major, centred @ minor
    mm = 25.4 / dpi
    return {"length_mm": float((along.max() - along.min()) * mm), "width_mm": float((across.max() - across.min()) * mm)}


if __name__ == "__main__":
    image = cv2.imread(sys.argv[1], cv2.IMREAD_GRAYSCALE)
    print(json.dumps(measure_buffer(image, float(sys.argv[2]))))
