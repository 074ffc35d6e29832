#!/usr/bin/env python3
"""Takes a screenshot of a `zhengce review` page with one item clicked (its values in
the side panel), through Chromium's DevTools protocol (standard library only).

Usage: review-screenshot.py PAGE.html ITEM-ID OUT.png [--width 1280 --height 860 --block center]
e.g.   review-screenshot.py site/documents/001_3844e15ad01e42f4.txt.html amounts-3 docs/review.png
"""
import argparse, base64, json, os, shutil, socket, struct, subprocess, sys, tempfile, time, urllib.request


class DevTools:
    def __init__(self, url):
        host, rest = url[len("ws://"):].split("/", 1)
        name, port = host.split(":")
        self.sock = socket.create_connection((name, int(port)))
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall((f"GET /{rest} HTTP/1.1\r\nHost: {host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                           f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
        response = b""
        while b"\r\n\r\n" not in response:
            response += self.sock.recv(1)
        if b" 101 " not in response.split(b"\r\n")[0]:
            raise RuntimeError(response.decode(errors="replace"))
        self.next_id = 0

    def _recv_exact(self, n):
        data = b""
        while len(data) < n:
            chunk = self.sock.recv(n - len(data))
            if not chunk:
                raise RuntimeError("DevTools closed the connection")
            data += chunk
        return data

    def _recv(self):
        message = b""
        while True:
            head = self._recv_exact(2)
            fin, length = head[0] & 0x80, head[1] & 0x7F
            if length == 126:
                length = struct.unpack(">H", self._recv_exact(2))[0]
            elif length == 127:
                length = struct.unpack(">Q", self._recv_exact(8))[0]
            message += self._recv_exact(length)
            if fin:
                return json.loads(message)

    def call(self, method, **params):
        self.next_id += 1
        payload = json.dumps({"id": self.next_id, "method": method, "params": params}).encode()
        mask = os.urandom(4)
        header = bytes([0x81])
        if len(payload) < 126:
            header += bytes([0x80 | len(payload)])
        elif len(payload) < 65536:
            header += bytes([0x80 | 126]) + struct.pack(">H", len(payload))
        else:
            header += bytes([0x80 | 127]) + struct.pack(">Q", len(payload))
        self.sock.sendall(header + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))
        while True:
            reply = self._recv()
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("page")
    parser.add_argument("item")
    parser.add_argument("out")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=860)
    parser.add_argument("--block", default="center", help="where to scroll the item: start, center, end or nearest")
    args = parser.parse_args()
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        sys.exit("review-screenshot: no chromium found")
    with tempfile.TemporaryDirectory() as profile:
        browser = subprocess.Popen([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                                    "--remote-debugging-port=0", "--user-data-dir=" + profile, "about:blank"],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            port_file = os.path.join(profile, "DevToolsActivePort")
            for _ in range(200):
                if os.path.exists(port_file) and open(port_file).read().count("\n") >= 1:
                    break
                time.sleep(0.05)
            port = open(port_file).read().split("\n")[0]
            targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list"))
            page = DevTools(next(t for t in targets if t["type"] == "page")["webSocketDebuggerUrl"])
            page.call("Emulation.setDeviceMetricsOverride", width=args.width, height=args.height,
                      deviceScaleFactor=1, mobile=False)
            page.call("Page.enable")
            page.call("Page.navigate", url="file://" + os.path.abspath(args.page))
            for _ in range(100):
                state = page.call("Runtime.evaluate", expression="document.readyState")["result"]["value"]
                if state == "complete":
                    break
                time.sleep(0.05)
            found = page.call("Runtime.evaluate", returnByValue=True, expression=f"""(function () {{
                var e = document.getElementById({json.dumps("i-" + args.item)});
                if (!e) return false;
                e.scrollIntoView({{block: {json.dumps(args.block)}}});
                e.click();
                return true;
            }})()""")["result"]["value"]
            if not found:
                sys.exit(f"review-screenshot: no item {args.item} on {args.page}")
            time.sleep(0.3)
            shot = page.call("Page.captureScreenshot", format="png")
            open(args.out, "wb").write(base64.b64decode(shot["data"]))
            print(f"review-screenshot: wrote {args.out}")
        finally:
            browser.terminate()
            browser.wait()


if __name__ == "__main__":
    main()
