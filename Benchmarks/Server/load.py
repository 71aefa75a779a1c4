#!/usr/bin/env python3
"""Load benchmark of the workshop service, on loopback only, bounded in count and time.

1. N uploads (default 1,000) of 150 dpi scans from C concurrent clients (default 16), each client on
   one keep-alive connection: throughput, latency percentiles, failed requests, and the server's peak
   RSS after the first 10% and after all (memory must stay flat).
2. The same N files measured by `footscan batch --jobs J` (J = the server's workers, one per core):
   the throughput the service is compared with.
3. The refusal path: 200 clients upload at once to a server with the default queue; the ones past the
   queue get 503 with Retry-After, none another error, and the server answers /health after.

Usage: Benchmarks/Server/load.py [--uploads 1000] [--clients 16] [--scans 20]
       (builds nothing: run `swift build -c release --product footscan --product footscan-server` first)
Prints one line per figure and exits 1 if a request failed or memory grew by more than 15%.
"""
import argparse
import http.client
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.path.join(ROOT, ".build", "release")


def rss_peak_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def start_server(data, extra=()):
    token = subprocess.run([os.path.join(BIN, "footscan-server"), "add-token", "--data", data, "load"], check=True,
                           capture_output=True, text=True).stdout.strip()
    server = subprocess.Popen([os.path.join(BIN, "footscan-server"), "serve", "--data", data, "--port", "0", *extra],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    port = int(re.search(r"127\.0\.0\.1:(\d+)", server.stdout.readline()).group(1))
    return server, port, token


def upload(connection, token, body):
    start = time.perf_counter()
    connection.request("POST", "/api/scans", body=body, headers={"Authorization": f"Bearer {token}",
                                                                 "Content-Type": "image/jpeg"})
    response = connection.getresponse()
    response.read()
    return response.status, time.perf_counter() - start, response.getheader("Retry-After")


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--uploads", type=int, default=1000)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--scans", type=int, default=20)
    parser.add_argument("--crowd", type=int, default=200)
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="footscan-load-")
    failed = False
    try:
        scans = os.path.join(work, "scans")
        subprocess.run([os.path.join(BIN, "footscan"), "synth", "--out", scans, "--count", str(args.scans), "--seed", "9000",
                        "--dpi", "150", "--format", "jpeg"], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        files = sorted(os.path.join(scans, f) for f in os.listdir(scans) if f.endswith(".jpg"))
        bodies = [open(f, "rb").read() for f in files]
        print(f"scans: {len(files)} distinct 150 dpi JPEGs, {sum(map(len, bodies)) // len(bodies) // 1024} KiB on average")

        # 1. The service under C clients.
        server, port, token = start_server(os.path.join(work, "data"))
        latencies, statuses, lock = [], [], threading.Lock()
        next_index = [0]
        peak_at_tenth = [0]

        def client():
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            while True:
                with lock:
                    index = next_index[0]
                    if index >= args.uploads:
                        return
                    next_index[0] += 1
                status, seconds, _ = upload(connection, token, bodies[index % len(bodies)])
                with lock:
                    latencies.append(seconds)
                    statuses.append(status)
                    if len(statuses) == args.uploads // 10:
                        peak_at_tenth[0] = rss_peak_kib(server.pid)

        start = time.perf_counter()
        threads = [threading.Thread(target=client) for _ in range(args.clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - start
        peak = rss_peak_kib(server.pid)
        server.terminate()
        server.wait(timeout=60)
        bad = [s for s in statuses if s != 201]
        service_rate = len(statuses) / elapsed
        print(f"service: {len(statuses)} uploads from {args.clients} clients in {elapsed:.1f} s: {service_rate:.1f}/s; "
              f"latency p50 {percentile(latencies, 50) * 1000:.0f} ms, p99 {percentile(latencies, 99) * 1000:.0f} ms, "
              f"max {max(latencies) * 1000:.0f} ms; failed {len(bad)}")
        growth = peak / max(peak_at_tenth[0], 1) - 1
        print(f"memory: peak RSS {peak_at_tenth[0] / 1024:.1f} MiB after {args.uploads // 10}, {peak / 1024:.1f} MiB after "
              f"{args.uploads} ({growth * 100:+.1f}%)")
        if bad or growth > 0.15:
            failed = True

        # 2. The same files through `footscan batch`, as many jobs as the server has workers.
        jobs = os.cpu_count() or 1
        listed = os.path.join(work, "batch")
        os.makedirs(listed)
        for index in range(args.uploads):
            os.symlink(files[index % len(files)], os.path.join(listed, f"scan-{index:05d}.jpg"))
        start = time.perf_counter()
        subprocess.run([os.path.join(BIN, "footscan"), "batch", listed, "--jobs", str(jobs), "--out", os.path.join(work, "batch.csv")],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        batch_elapsed = time.perf_counter() - start
        batch_rate = args.uploads / batch_elapsed
        print(f"batch: {args.uploads} files with --jobs {jobs} in {batch_elapsed:.1f} s: {batch_rate:.1f}/s; "
              f"service / batch = {service_rate / batch_rate:.2f}")

        # 3. A crowd: everyone at once against the default queue.
        server, port, token = start_server(os.path.join(work, "crowd"))
        answers, lock = [], threading.Lock()
        gate = threading.Barrier(args.crowd)

        def crowd_client(index):
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
            gate.wait()
            status, _, retry = upload(connection, token, bodies[index % len(bodies)])
            with lock:
                answers.append((status, retry))

        threads = [threading.Thread(target=crowd_client, args=(i,)) for i in range(args.crowd)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        health = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        health.request("GET", "/health")
        healthy = health.getresponse().status == 200
        server.terminate()
        server.wait(timeout=60)
        created = sum(1 for s, _ in answers if s == 201)
        busy = [r for s, r in answers if s == 503]
        other = [s for s, _ in answers if s not in (201, 503)]
        print(f"crowd: {args.crowd} clients at once: {created} measured, {len(busy)} answered 503 "
              f"(Retry-After {sorted(set(busy))}), {len(other)} other; /health after: {'200' if healthy else 'failed'}")
        if other or not healthy or not busy or any(r is None for r in busy):
            failed = True
    finally:
        shutil.rmtree(work, ignore_errors=True)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
