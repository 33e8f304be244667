#!/usr/bin/env python3
"""Make a labelling template for a real story: every double-quote span with its character offsets.

    corpus-template.py STORY.txt > STORY.labels.json

A labeller fills in each quote's kind and speaker, the story's people, places and
organizations, and the findings a copy editor would raise; scripts/corpus-build.py turns the
labels into NAME.gold.json (byte offsets, the same shape as the GUM gold files)."""
import json, sys

OPEN = {'"': '"', '\u201c': '\u201d', '\u201e': '\u201d'}


def quote_spans(text):
    """Double-quote spans per paragraph: straight marks alternate, curly marks pair; a
    paragraph that ends inside a quote ends the span there (multi-paragraph quotes)."""
    spans, pos = [], 0
    for para in text.split("\n\n"):
        start = None
        for i, c in enumerate(para):
            if start is None and c in ('"', '\u201c', '\u201e'):
                start = i
            elif start is not None and (c == '\u201d' or (c == '"' and para[start] == '"')):
                spans.append((pos + start, pos + i + 1))
                start = None
        if start is not None:
            spans.append((pos + start, pos + len(para.rstrip())))
        pos += len(para) + 2
    return spans


def main():
    text = open(sys.argv[1], encoding="utf-8").read()
    quotes = []
    for s, e in quote_spans(text):
        quotes.append({"start": s, "end": e, "text": text[s:e], "kind": None, "speaker": None, "evidence": None})
    print(json.dumps({"quotes": quotes, "entities": [], "findings": []}, ensure_ascii=False, indent=1))


main()
