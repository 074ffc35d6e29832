"""A minimal client of Chromium's DevTools protocol over its WebSocket (standard
library only: the npm and PyPI clients are not needed), for the review pages' scripts."""
import base64, contextlib, json, os, shutil, socket, struct, subprocess, tempfile, time, urllib.request


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



@contextlib.contextmanager
def browser_page(chromium=None, width=1280, height=860):
    """A headless Chromium with one page, as a DevTools connection; closed on exit."""
    chromium = chromium or shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        raise RuntimeError("no chromium found")
    with tempfile.TemporaryDirectory() as profile:
        browser = subprocess.Popen([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                                    "--remote-debugging-port=0", "--user-data-dir=" + profile, "about:blank"],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            port_file = os.path.join(profile, "DevToolsActivePort")
            # A first start after a pause (or on a loaded machine) can take
            # well over the usual second: wait up to a minute, then say so.
            for _ in range(1200):
                if os.path.exists(port_file) and open(port_file).read().count("\n") >= 1:
                    break
                if browser.poll() is not None:
                    raise RuntimeError(f"chromium exited with status {browser.returncode} before it listened")
                time.sleep(0.05)
            else:
                raise RuntimeError("chromium did not open its DevTools port within 60 s")
            port = open(port_file).read().split("\n")[0]
            targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list"))
            page = DevTools(next(t for t in targets if t["type"] == "page")["webSocketDebuggerUrl"])
            page.call("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=False)
            page.call("Page.enable")
            yield page
        finally:
            browser.terminate()
            browser.wait()


def load(page, path):
    """Opens a file in the page and waits until it has loaded."""
    page.call("Page.navigate", url="file://" + os.path.abspath(path))
    for _ in range(600):
        if page.call("Runtime.evaluate", expression="document.readyState")["result"]["value"] == "complete":
            return
        time.sleep(0.05)
    raise RuntimeError(f"{path} did not load")


def evaluate(page, expression):
    """The value of a JavaScript expression in the page."""
    return page.call("Runtime.evaluate", expression=expression, returnByValue=True)["result"].get("value")
