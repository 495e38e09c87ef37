#!/usr/bin/env python3
"""Screenshots of the desk console on bin/run's demo, for docs/console/.

Drives Debian's headless Chromium through chromedriver (W3C WebDriver over plain HTTP), signed in
with the local run's development tokens, which the gateway issues to callers on this machine only.
Usage: local/console/screenshots.py [GATEWAY_URL] [OUT_DIR]   (defaults: http://127.0.0.1:8080 docs/console)
Needs Debian's chromium, chromium-driver and, for the Chinese to show as text, fonts-noto-cjk.
"""
import base64
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

GATEWAY = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8080"
OUT = sys.argv[2] if len(sys.argv) > 2 else "docs/console"
ELEMENT = "element-6066-11e4-a52e-4f735466cecf"


def call(method, url, body=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as e:
        return json.loads(e.read() or b"{}")


def token(subject, roles, district=None, org_scope=None):
    body = {"subject": subject, "roles": roles, "district": district, "orgScope": org_scope, "ttlSeconds": 3600}
    return call("POST", GATEWAY + "/dev/token", body)["token"]


class Browser:
    def __init__(self):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        self.driver = subprocess.Popen(["chromedriver", f"--port={port}"], stdout=subprocess.DEVNULL,
                                       stderr=subprocess.DEVNULL)
        self.base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                call("GET", self.base + "/status")
                break
            except OSError:
                time.sleep(0.1)
        self.profile = tempfile.mkdtemp(prefix="console-shots-")
        args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", f"--user-data-dir={self.profile}", "--lang=zh-CN",
                "--force-device-scale-factor=1", "--hide-scrollbars"]
        answer = call("POST", self.base + "/session", {"capabilities": {"alwaysMatch": {
            "browserName": "chrome", "goog:chromeOptions": {"binary": "/usr/bin/chromium", "args": args}}}})
        self.session = self.base + "/session/" + answer["value"]["sessionId"]

    def do(self, method, path, body=None):
        value = call(method, self.session + path, body).get("value")
        if isinstance(value, dict) and "error" in value:
            raise RuntimeError(f"{method} {path}: {value}")
        return value

    def script(self, source, *args):
        return self.do("POST", "/execute/sync", {"script": source, "args": list(args)})

    def wait(self, css, seconds=30):
        deadline = time.time() + seconds
        while time.time() < deadline:
            if self.script("return document.querySelector(arguments[0]) !== null", css):
                return
            time.sleep(0.2)
        raise RuntimeError("no " + css)

    def click(self, css):
        self.wait(css)
        element = self.do("POST", "/element", {"using": "css selector", "value": css})[ELEMENT]
        self.do("POST", f"/element/{element}/click", {})

    def shoot(self, name, width, full=True):
        self.do("POST", "/window/rect", {"width": width, "height": 900})
        time.sleep(0.8)
        if full:
            height = self.script("return Math.min(document.documentElement.scrollHeight, 3200)")
            self.do("POST", "/window/rect", {"width": width, "height": height + 140})
            time.sleep(0.5)
        path = os.path.join(OUT, name)
        with open(path, "wb") as f:
            f.write(base64.b64decode(self.do("GET", "/screenshot")))
        print("wrote", path)

    def sign_in(self, tok, lang="zh"):
        self.do("POST", "/url", {"url": GATEWAY + "/console/index.html"})
        self.script("sessionStorage.setItem('grassroots.console.token', arguments[0]);"
                    "localStorage.setItem('grassroots.console.lang', arguments[1])", tok, lang)

    def screen(self, hash_, ready):
        self.do("POST", "/url", {"url": GATEWAY + "/console/index.html?r=" + str(time.time()) + hash_})
        self.wait(ready)
        time.sleep(1.0)

    def close(self):
        try:
            self.do("DELETE", "")
        finally:
            self.driver.terminate()


def main():
    os.makedirs(OUT, exist_ok=True)
    b = Browser()
    try:
        b.sign_in(token("station-manager-bund", ["station_manager"], "310101"))
        b.screen("#/station", "#usage svg")
        b.shoot("station.png", 1366)
        b.shoot("station-tablet.png", 820)

        b.sign_in(token("admin-yangpu", ["district_admin"], "310110"))
        b.screen("#/org", "#tree li .flag")
        b.click("#tree li li[data-flags~=\"size-branch-needs-three-full-members\"] > .node button")
        b.wait("#branch table")
        time.sleep(1.0)
        b.shoot("org-tree.png", 1366)

        b.sign_in(token("admin-huangpu", ["district_admin"], "310101"))
        b.screen("#/org", "#tree li")
        b.shoot("org-temporary-branches.png", 1366)
        b.screen("#/conference", "#projects li")
        b.shoot("conference.png", 1366)

        b.sign_in(token("admin-yangpu", ["district_admin"], "310110"))
        b.screen("#/training", "#completion svg")
        b.click("#show-code")
        b.wait("#check-in-code .big-code")
        b.shoot("training.png", 1366)

        b.sign_in(token("station-manager-penglai", ["station_manager"], "310101"), "en")
        b.screen("#/station", "#mediations table")
        b.shoot("station-en.png", 1366)

        b.do("POST", "/url", {"url": GATEWAY + "/console/index.html?signin"})
        b.script("sessionStorage.clear(); localStorage.clear()")
        b.do("POST", "/url", {"url": GATEWAY + "/console/index.html?signed-out"})
        b.wait("#token-input")
        b.shoot("sign-in.png", 1366, full=False)
    finally:
        b.close()


if __name__ == "__main__":
    main()
