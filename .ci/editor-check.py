#!/usr/bin/env python3
"""Drives the real yaml-language-server over stdio against schemas/mep.schema.json and checks
what an editor offers a school:

- completion inside `schule:` at `schulf` offers `schulform` and inserts `schulform: ` (with the colon);
- no completion inserts a literal `null`;
- hover on `schulform` shows the field's description, hover on `ansprechperson` the field's text
  (not the text of the shared definition);
- a misspelt enum value gets a diagnostic that lists the valid values;
- an e-mail field with an invalid address gets a diagnostic (format: email).

Usage: editor-check.py LANGUAGE_SERVER_BINARY [--show]   (exit 0 = all good)
With --show, the observed completion items, hovers and diagnostics are printed.
Standard library only.
"""

import json
import pathlib
import subprocess
import sys
import threading
import queue

ROOT = pathlib.Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "schemas" / "mep.schema.json"


class Server:
    def __init__(self, binary):
        self.proc = subprocess.Popen(
            [binary, "--stdio"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
        )
        self.next_id = 0
        self.replies = {}
        self.notes = queue.Queue()
        self.cond = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        out = self.proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    return
                line = line.strip()
                if not line:
                    break
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            msg = json.loads(out.read(length))
            if "id" in msg and "method" in msg:
                # A request from the server (workspace/configuration and the like).
                result = None
                if msg["method"] == "workspace/configuration":
                    result = [{"validate": True, "hover": True, "completion": True, "format": {"enable": False}}
                              for _ in msg["params"]["items"]]
                self._send({"jsonrpc": "2.0", "id": msg["id"], "result": result})
            elif "id" in msg:
                with self.cond:
                    self.replies[msg["id"]] = msg
                    self.cond.notify_all()
            else:
                self.notes.put(msg)

    def _send(self, msg):
        body = json.dumps(msg).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def request(self, method, params, timeout=60):
        self.next_id += 1
        rid = self.next_id
        self._send({"jsonrpc": "2.0", "id": rid, "method": method, "params": params})
        with self.cond:
            if not self.cond.wait_for(lambda: rid in self.replies, timeout):
                raise SystemExit(f"editor-check: no answer to {method} within {timeout}s")
            reply = self.replies.pop(rid)
        if "error" in reply:
            raise SystemExit(f"editor-check: {method} failed: {reply['error']}")
        return reply["result"]

    def notify(self, method, params):
        self._send({"jsonrpc": "2.0", "method": method, "params": params})

    def diagnostics(self, uri, timeout=60):
        """The first non-empty diagnostics published for `uri`."""
        while True:
            msg = self.notes.get(timeout=timeout)
            if msg.get("method") == "textDocument/publishDiagnostics" and msg["params"]["uri"] == uri \
                    and msg["params"]["diagnostics"]:
                return msg["params"]["diagnostics"]

    def close(self):
        try:
            self.request("shutdown", None, timeout=10)
            self.notify("exit", None)
        finally:
            self.proc.wait(timeout=10)


def hover_text(result):
    if not result:
        return ""
    contents = result["contents"]
    if isinstance(contents, dict):
        return contents.get("value", "")
    if isinstance(contents, list):
        return "\n".join(c if isinstance(c, str) else c.get("value", "") for c in contents)
    return contents


def main():
    binary = sys.argv[1]
    show = "--show" in sys.argv
    server = Server(binary)
    server.request("initialize", {
        "processId": None,
        "rootUri": ROOT.as_uri(),
        "capabilities": {
            "textDocument": {
                "completion": {"completionItem": {"snippetSupport": True, "documentationFormat": ["markdown", "plaintext"]}},
                "hover": {"contentFormat": ["markdown", "plaintext"]},
                "publishDiagnostics": {},
            },
            "workspace": {"configuration": True},
        },
    })
    server.notify("initialized", {})
    server.notify("workspace/didChangeConfiguration", {"settings": {"yaml": {
        "validate": True, "hover": True, "completion": True, "schemas": {}, "format": {"enable": False}}}})

    modeline = f"# yaml-language-server: $schema={SCHEMA.as_uri()}\n"
    failures = []

    def check(ok, what):
        if not ok:
            failures.append(what)

    # 1. Completion at `schulf` inside `schule:`.
    text = modeline + "format: 1\nschule:\n  name: Grundschule am Markt\n  schulf\n"
    uri = (ROOT / "target" / "editor-check-completion.yaml").as_uri()
    server.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}})
    line = text.count("\n") - 1
    items = server.request("textDocument/completion", {"textDocument": {"uri": uri}, "position": {"line": line, "character": 8}})
    items = items["items"] if isinstance(items, dict) else items
    chosen = [i for i in items if i["label"] == "schulform"]
    if show:
        print("completion at `  schulf|`:")
        for i in chosen:
            edit = i.get("textEdit", {}).get("newText")
            print(f"  label={i['label']!r} insertText={i.get('insertText')!r} textEdit={edit!r} documentation={i.get('documentation')!r}")
    check(chosen, "completion offers no `schulform`")
    for i in chosen:
        inserted = i.get("textEdit", {}).get("newText") or i.get("insertText") or i["label"]
        check(inserted.startswith("schulform: "), f"completion inserts {inserted!r}, not `schulform: ...`")

    # 2. No optional field inserts a literal null (ansprechperson, klassen, profil ...).
    text2 = modeline + "format: 1\nschule:\n  name: Grundschule am Markt\n  \n"
    uri2 = (ROOT / "target" / "editor-check-nulls.yaml").as_uri()
    server.notify("textDocument/didOpen", {"textDocument": {"uri": uri2, "languageId": "yaml", "version": 1, "text": text2}})
    items2 = server.request("textDocument/completion", {"textDocument": {"uri": uri2}, "position": {"line": text2.count("\n") - 1, "character": 2}})
    items2 = items2["items"] if isinstance(items2, dict) else items2
    nulls = [i["label"] for i in items2 if "null" in (i.get("textEdit", {}).get("newText") or i.get("insertText") or "")]
    if show:
        print(f"completion inside `schule:` offers {len(items2)} keys: " + ", ".join(sorted(i['label'] for i in items2)))
        for i in items2:
            if i["label"] in ("ansprechperson", "klassen"):
                print(f"  {i['label']}: inserts {(i.get('textEdit', {}).get('newText') or i.get('insertText'))!r}")
    check(not nulls, f"completion inserts a literal null for {nulls}")

    # 3. Hover on `schulform` and `ansprechperson`; a misspelt value and a bad e-mail get diagnostics.
    text3 = modeline + ("format: 1\nschule:\n  name: Grundschule am Markt\n  schulform: grundschul\n"
                        "  ansprechperson:\n    name: A. Beispiel\n    email: keine-adresse\n")
    uri3 = (ROOT / "target" / "editor-check-hover.yaml").as_uri()
    server.notify("textDocument/didOpen", {"textDocument": {"uri": uri3, "languageId": "yaml", "version": 1, "text": text3}})
    lines = text3.split("\n")
    def hover_at(key):
        n = next(k for k, l in enumerate(lines) if l.strip().startswith(key + ":"))
        col = lines[n].index(key) + 2
        return hover_text(server.request("textDocument/hover", {"textDocument": {"uri": uri3}, "position": {"line": n, "character": col}}))
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    want_schulform = schema["$defs"]["Schule"]["properties"]["schulform"]["description"]
    want_person = schema["$defs"]["Schule"]["properties"]["ansprechperson"]["description"]
    h1, h2 = hover_at("schulform"), hover_at("ansprechperson")
    if show:
        print(f"hover on `schulform`: {h1!r}")
        print(f"hover on `ansprechperson`: {h2!r}")
    check(want_schulform.rstrip(".") in h1, f"hover on schulform shows {h1!r}, not the field description {want_schulform!r}")
    check(want_person.rstrip(".") in h2, f"hover on ansprechperson shows {h2!r}, not the field description {want_person!r}")
    diags = server.diagnostics(uri3)
    if show:
        for d in diags:
            print(f"diagnostic line {d['range']['start']['line']}: {d['message']!r}")
    messages = [d["message"] for d in diags]
    check(any("grundschule" in m for m in messages), f"the misspelt schulform gets no diagnostic naming `grundschule`: {messages}")
    check(any(d["range"]["start"]["line"] == lines.index("    email: keine-adresse") for d in diags),
          f"the invalid e-mail address gets no diagnostic: {messages}")

    server.close()
    if failures:
        for f in failures:
            print(f"editor-check: {f}", file=sys.stderr)
        return 1
    print("editor-check: ok (completion, hover, enum and e-mail diagnostics)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
