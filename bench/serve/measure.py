#!/usr/bin/env python3
"""Helpers for bench/serve/run.sh: make a 10,000-page content folder, time the app's start-up
to its first page (and its memory after), and time an edit, an added file and a deleted file
until the change is visible. Standard library only."""
import http.client, os, shutil, subprocess, sys, time

def get(port, path, timeout=2.0):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        c.request("GET", path)
        r = c.getresponse()
        return r.status, r.read().decode("utf-8", "replace")
    finally:
        c.close()

def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0

def page(title, order, body):
    return (f"---\ntitle: {title}\ndescription: About {title}.\norder: {order}\nlast_reviewed: 2026-11-01\n"
            f"next_review_due: 2027-11-01\nreviewed_by: Clinical nurse specialist\n---\n\n{body}\n")

def generate(source, target, count):
    """The real content plus `count` pages in 100 sections of en/generated/."""
    shutil.copytree(source, target)
    base = os.path.join(target, "en", "generated")
    os.makedirs(base)
    open(os.path.join(base, "index.md"), "w").write(page("Generated pages", 99, "Pages made for the benchmark."))
    body = "\n\n".join(["Rest the leg and keep it raised. Call the team if the wound gets red, hot or swollen."] * 12)
    sections = 100
    for s in range(sections):
        folder = os.path.join(base, f"section-{s:03d}")
        os.makedirs(folder)
        open(os.path.join(folder, "index.md"), "w").write(page(f"Section {s}", s, "A section of generated pages."))
    for i in range(count - sections - 1):
        s = i % sections
        open(os.path.join(base, f"section-{s:03d}", f"page-{i:05d}.md"), "w").write(page(f"Page {i}", i, body))

def start(app, content, port, log):
    env = dict(os.environ, ASPNETCORE_URLS=f"http://127.0.0.1:{port}", ASPNETCORE_ENVIRONMENT="Production",
               Content__RootPath=content, DOTNET_CLI_TELEMETRY_OPTOUT="1")
    env["Appointments__DataDirectory"] = os.path.join(os.path.dirname(content), "data")
    out = open(log, "ab")
    return subprocess.Popen(["dotnet", app], stdout=out, stderr=subprocess.STDOUT, env=env, cwd=os.path.dirname(app))

def startup(app, content, port, log, path):
    """Seconds from launch to the first 200 for `path`, and RSS (MB) once the site has settled:
    the page index and then the search index built (the log's "Search index built" line; both
    are built in the background, the search index a moment after start-up) plus two seconds."""
    mark = os.path.getsize(log) if os.path.exists(log) else 0
    t0 = time.perf_counter()
    p = start(app, content, port, log)
    try:
        while True:
            if p.poll() is not None:
                sys.exit(f"the app exited ({p.returncode}); see {log}")
            try:
                status, _ = get(port, path, timeout=30)
                if status == 200:
                    break
            except OSError:
                time.sleep(0.005)
        first = time.perf_counter() - t0
        deadline = time.perf_counter() + 60
        while time.perf_counter() < deadline:
            with open(log, "rb") as f:
                f.seek(mark)
                if b"Search index built" in f.read():
                    break
            time.sleep(0.05)
        time.sleep(2)
        return first, rss_mb(p.pid)
    finally:
        p.terminate()
        p.wait()

def visible(port, path, check, deadline=10.0):
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < deadline:
        status, body = get(port, path)
        if check(status, body):
            return (time.perf_counter() - t0) * 1000
        time.sleep(0.002)
    return float("inf")

def edits(app, content, port, log, relative, url):
    """Milliseconds until an edit, an added page and a deleted page are visible."""
    p = start(app, content, port, log)
    try:
        for _ in range(3000):
            try:
                if get(port, url)[0] == 200:
                    break
            except OSError:
                time.sleep(0.01)
        # The not-found page's first rendering (JIT, views) is start-up cost, not the change's.
        get(port, "/bench-warm-up-of-the-not-found-page")
        time.sleep(1)
        path = os.path.join(content, relative)
        original = open(path, encoding="utf-8").read()
        results = {}
        token = f"Edited {time.time_ns()}"
        text = original.replace("\n---\n", f"\n---\n\n{token}\n", 1)
        open(path, "w", encoding="utf-8").write(text)
        results["edit"] = visible(port, url, lambda s, b: token in b)
        added = os.path.join(os.path.dirname(path), "bench-added.md")
        added_url = url.rsplit("/", 1)[0] + "/bench-added"
        open(added, "w", encoding="utf-8").write(page("Bench added", 9999, "Added by the benchmark."))
        results["add"] = visible(port, added_url, lambda s, b: s == 200)
        os.remove(added)
        results["delete"] = visible(port, added_url, lambda s, b: s == 404)
        open(path, "w", encoding="utf-8").write(original)
        return results
    finally:
        p.terminate()
        p.wait()

if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "generate":
        generate(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    elif cmd == "startup":
        app, content, port, log, path, runs = sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5], sys.argv[6], int(sys.argv[7])
        results = [startup(app, content, port, log, path) for _ in range(runs)]
        firsts = sorted(r[0] for r in results)
        rss = sorted(r[1] for r in results)
        print(f"first page {firsts[len(firsts)//2]:.2f} s (runs: {', '.join(f'{r:.2f}' for r in firsts)}), "
              f"RSS after start {rss[len(rss)//2]:.0f} MB (runs: {', '.join(f'{r:.0f}' for r in rss)})")
    elif cmd == "edits":
        app, content, port, log, relative, url = sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5], sys.argv[6], sys.argv[7]
        r = edits(app, content, port, log, relative, url)
        print(f"edit visible {r['edit']:.0f} ms, added page {r['add']:.0f} ms, deleted page {r['delete']:.0f} ms")
