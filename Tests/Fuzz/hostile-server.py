#!/usr/bin/env python3
"""Feeds the release `pnote lsp` hostile sessions, as a broken editor might send them.

Each session must end with the server's answer, right, within its time limit (no crash,
no hang). Prints seconds and the server's peak memory. Usage: hostile-server.py PNOTE
"""
import json, random, subprocess, sys, threading, time

PNOTE = sys.argv[1]
LIMIT = 300  # seconds per session: generous for a loaded CI machine


class Server:
    def __init__(self):
        self.p = subprocess.Popen([PNOTE, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  stderr=subprocess.DEVNULL)
        self.timer = threading.Timer(LIMIT, self.p.kill)
        self.timer.start()

    def send(self, message):
        body = json.dumps(message, ensure_ascii=False).encode()
        self.p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.p.stdin.flush()

    def read(self):
        length = None
        while True:
            line = self.p.stdout.readline()
            if not line:
                raise RuntimeError("the server closed its output (crashed or killed after %d s)" % LIMIT)
            if line == b"\r\n":
                break
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        return json.loads(self.p.stdout.read(length))

    def wait(self, predicate):
        while True:
            message = self.read()
            if predicate(message):
                return message

    def peak_mb(self):
        with open("/proc/%d/status" % self.p.pid) as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) // 1024
        return -1

    def start(self):
        self.send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}})
        self.wait(lambda m: m.get("id") == 1)
        self.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})

    def open(self, uri, text):
        self.send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
                   "params": {"textDocument": {"uri": uri, "languageId": "pnote", "version": 1, "text": text}}})

    def change(self, uri, version, changes):
        self.send({"jsonrpc": "2.0", "method": "textDocument/didChange",
                   "params": {"textDocument": {"uri": uri, "version": version}, "contentChanges": changes}})

    def diagnostics(self, uri, version):
        return self.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                         and m["params"]["uri"] == uri and m["params"].get("version") == version)

    def symbols(self, uri, id):
        self.send({"jsonrpc": "2.0", "id": id, "method": "textDocument/documentSymbol",
                   "params": {"textDocument": {"uri": uri}}})
        return self.wait(lambda m: m.get("id") == id)["result"]

    def stop(self):
        self.send({"jsonrpc": "2.0", "id": 99, "method": "shutdown"})
        self.wait(lambda m: m.get("id") == 99)
        self.send({"jsonrpc": "2.0", "method": "exit"})
        status = self.p.wait()
        self.timer.cancel()
        return status


def one_message(uri, text, changes):
    """Opens `text`, sends `changes` in one didChange, waits for its diagnostics; returns
    the document's symbols then, and the server's peak memory."""
    s = Server()
    s.start()
    s.open(uri, text)
    s.diagnostics(uri, 1)
    s.change(uri, 2, changes)
    s.diagnostics(uri, 2)
    symbols = s.symbols(uri, 2)
    peak = s.peak_mb()
    status = s.stop()
    assert status == 0, "exit status %d" % status
    return symbols, peak


def changes_in_one_message(count):
    """`count` domain headings inserted at random line starts of a 100,000-line note, in one
    message: each change's line refers to the text the changes before it left. (Domains
    without fields have no findings: the session measures the changes, not publishing.)"""
    uri = "file:///hostile/changes.pnote"
    lines = 100_000
    text = "".join("Tekst regel %d é😀\n" % i for i in range(lines))
    random.seed(3)
    changes = []
    for k in range(count):
        line = random.randrange(lines)
        if k % 2:  # before the line
            at, new = {"line": line, "character": 0}, "## Domein: N%d\n" % k
        else:      # after its end (the position is past it, and clamped)
            at, new = {"line": line, "character": 10_000}, "\n## Domein: N%d" % k
        changes.append({"range": {"start": at, "end": at}, "text": new})
        lines += 1
    domains, peak = one_message(uri, text, changes)
    assert sorted(d["name"] for d in domains) == sorted("N%d" % k for k in range(count)), "the domains are not those inserted"
    return peak


def changes_to_a_long_line(count):
    """`count` one-character changes at random places of a 9 MB line of prose (the title of
    a goal, so that the document's symbols show it), in one message."""
    uri = "file:///hostile/long.pnote"
    title = list("een zin met één woord dat niet ASCII is, en verder gewone tekst. " * 140_000)
    text = "## Doel: " + "".join(title) + "\n"
    random.seed(4)
    changes = []
    for k in range(count):
        c = random.randrange(1, len(title) - 2)  # the title's ends stay: a title is trimmed
        changes.append({"range": {"start": {"line": 0, "character": 9 + c}, "end": {"line": 0, "character": 10 + c}},
                        "text": "xyz"[k % 3]})
        title[c] = "xyz"[k % 3]
    goals, peak = one_message(uri, text, changes)
    assert len(goals) == 1 and goals[0]["name"] == "".join(title).strip(), "the title is not the one the changes leave"
    return peak


failed = False
for name, session in [("200,000 changes, 1 message", lambda: changes_in_one_message(200_000)),
                      ("1,000 changes, 9 MB line", lambda: changes_to_a_long_line(1_000))]:
    start = time.time()
    try:
        peak = session()
        print("%-28s ok      %6.1f s  %6d MB peak" % (name, time.time() - start, peak))
    except Exception as error:  # a crash, a kill at the limit, or a wrong answer
        print("%-28s FAILED  %6.1f s  %s" % (name, time.time() - start, error))
        failed = True
sys.exit(1 if failed else 0)
