#!/usr/bin/env python3
"""A language server that answers the handshake and nothing else: no diagnostics, empty
hovers, no code actions. Point COPYDESK_SERVER_CMD at it to see the editor tests fail when
the server misbehaves:

    COPYDESK_SERVER_CMD=tests/editors/silent-server.py .ci/editors.sh
"""
import json
import sys


def read():
    headers = {}
    while True:
        line = sys.stdin.buffer.readline()
        if not line:
            sys.exit(0)
        line = line.strip()
        if not line:
            break
        key, _, value = line.partition(b":")
        headers[key.strip().lower()] = value.strip()
    return json.loads(sys.stdin.buffer.read(int(headers[b"content-length"])))


def send(message):
    body = json.dumps(message).encode()
    sys.stdout.buffer.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    sys.stdout.buffer.flush()


CAPABILITIES = {"textDocumentSync": 1, "hoverProvider": True, "codeActionProvider": True}

while True:
    message = read()
    method = message.get("method")
    if method == "exit":
        sys.exit(0)
    if "id" in message and method is not None:
        result = {"capabilities": CAPABILITIES} if method == "initialize" else None
        send({"jsonrpc": "2.0", "id": message["id"], "result": result})
