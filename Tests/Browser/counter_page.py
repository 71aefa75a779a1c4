#!/usr/bin/env python3
"""The counter page in a real headless browser (Debian's Chromium through Playwright).

Starts `footscan-server` on a loopback port with a fresh data folder and a staff member, then, as a
shoemaker would at the counter: opens the page (sent to sign-in), signs in, uploads a sample scan
with the file picker, waits for the scan page, and checks the overlay loaded and the numbers match
the sample's truth; then the fitting card (overlay at true scale), the Korean page, and a forged
cross-site form. Writes a screenshot of the scan page when --screenshot is given.

Usage: Tests/Browser/counter_page.py --server .build/release/footscan-server [--screenshot docs/counter.png]
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

from playwright.sync_api import sync_playwright

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SAMPLE = os.path.join(ROOT, "Samples", "scans", "two-feet-150dpi-12.jpg")
PASSWORD = "seongsu-counter-2026"


def start_server(binary, data):
    subprocess.run([binary, "add-staff", "--data", data, "kim"], input=PASSWORD + "\n", text=True, check=True,
                   stdout=subprocess.DEVNULL)
    server = subprocess.Popen([binary, "serve", "--data", data, "--port", "0"], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, text=True)
    line = server.stdout.readline()
    match = re.search(r"127\.0\.0\.1:(\d+)", line)
    if not match:
        server.kill()
        raise SystemExit(f"the server did not say where it listens: {line!r}")
    return server, int(match.group(1))


def wait_for_image(page, selector, timeout=30.0):
    """Waits until the image has loaded (polled through evaluate: the page's CSP forbids Playwright's string eval)."""
    import time
    deadline = time.time() + timeout
    while time.time() < deadline:
        if page.locator(selector).evaluate("img => img.complete && img.naturalWidth > 0"):
            return
        time.sleep(0.1)
    raise SystemExit(f"{selector} did not load")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--server", required=True)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--screenshot")
    args = parser.parse_args()
    failures = []

    def check(condition, what):
        print(("ok   " if condition else "FAIL ") + what)
        if not condition:
            failures.append(what)

    truth = json.load(open(SAMPLE.replace(".jpg", ".truth.json")))
    true_lengths = sorted(foot["length_mm"] for foot in truth["feet"])
    with tempfile.TemporaryDirectory() as data:
        server, port = start_server(args.server, data)
        base = f"http://127.0.0.1:{port}"
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=args.chromium, headless=True, args=["--no-sandbox"])
                context = browser.new_context(locale="en-GB", viewport={"width": 1180, "height": 900})
                page = context.new_page()
                page.goto(base + "/")
                check(page.url.endswith("/sign-in"), "a visitor without a session is sent to sign in")
                page.fill("input[name=name]", "kim")
                page.fill("input[name=password]", "wrong password")
                page.click("#sign-in")
                check(page.locator(".error").count() == 1, "a wrong password is told on the page")
                page.fill("input[name=password]", PASSWORD)
                page.click("#sign-in")
                page.wait_for_url(base + "/")
                check(page.locator("h1").inner_text() == "Scan a customer", "signed in, the counter page shows")
                cookies = context.cookies()
                check(any(c["name"] == "footscan_session" and c["httpOnly"] and c["sameSite"] == "Strict" for c in cookies),
                      "the session cookie is HttpOnly and SameSite=Strict")

                page.set_input_files("#file", SAMPLE)
                page.wait_for_url(re.compile(r".*/scans/\d+$"), timeout=60000)
                wait_for_image(page, "#overlay")
                width = page.evaluate("document.getElementById('overlay').naturalWidth")
                check(width > 500, f"the overlay loaded ({width} px wide)")
                lengths = sorted(float(t.split()[0]) for t in page.locator("td.length_mm").all_inner_texts())
                check(len(lengths) == len(true_lengths) and all(abs(a - b) < 1.5 for a, b in zip(lengths, true_lengths)),
                      f"the page's lengths {lengths} are the truth's {[round(x, 1) for x in true_lengths]} within 1.5 mm")
                check(page.locator("ol.lasts > li").count() == 3, "three lasts are recommended, each with reasons")
                check(page.locator("ol.lasts li ul li").count() >= 3, "the lasts carry their reasons")
                if args.screenshot:
                    page.screenshot(path=args.screenshot, full_page=False)
                    print("screenshot:", args.screenshot)

                page.click("text=Fitting card")
                style = page.locator(".card img").get_attribute("style") or ""
                mm = re.search(r"width: ([\d.]+)mm", style)
                wait_for_image(page, ".card img")
                natural = page.evaluate("document.querySelector('.card img').naturalWidth")
                expected = natural * 25.4 / truth["dpi"]
                check(mm is not None and abs(float(mm.group(1)) - expected) < 0.5,
                      f"the card draws the overlay at true scale ({style}, {expected:.1f} mm expected)")

                korean = browser.new_context(locale="ko-KR", extra_http_headers={"Accept-Language": "ko-KR,ko;q=0.9"})
                korean.add_cookies([c for c in cookies if c["name"] == "footscan_session"])
                korean_page = korean.new_page()
                korean_page.goto(base + "/")
                check(korean_page.locator("h1").inner_text() == "고객 발 스캔", "a Korean browser gets the Korean page")

                # A forged form from another site: the cookie is not sent (SameSite), and without the
                # page's token the server refuses it anyway.
                forged = page.request.post(base + "/customers", form={"name": "Mallory"}, headers={"Origin": "https://evil.example"})
                check(forged.status == 403, f"a forged cross-site form is refused ({forged.status})")
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=30)
    if failures:
        print(f"{len(failures)} check(s) failed")
        sys.exit(1)
    print("counter page: all checks passed")


if __name__ == "__main__":
    main()
