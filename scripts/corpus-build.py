#!/usr/bin/env python3
"""Turn a labelled story's NAME.labels.json into NAME.gold.json, the shape of the GUM gold
files (UTF-8 byte offsets, end exclusive), so that the corpus scorers read both alike.

    corpus-build.py DIR      (every DIR/NAME.labels.json beside DIR/NAME.txt)

Labels name each entity's spellings ("forms"); its mentions are every whole-word
occurrence of a form in the story, longest forms first, never overlapping another mention.
Quotes keep the template's character offsets; findings keep their text and occurrence."""
import glob, json, os, re, sys


def byte_offsets(text):
    """Character offset -> UTF-8 byte offset, for every offset 0..=len(text)."""
    out, b = [], 0
    for c in text:
        out.append(b)
        b += len(c.encode("utf-8"))
    out.append(b)
    return out


def mentions(text, entities):
    taken, found = [], {i: [] for i in range(len(entities))}
    forms = sorted(((f, i) for i, e in enumerate(entities) for f in set(e.get("forms") or [])),
                   key=lambda x: -len(x[0]))
    for form, i in forms:
        for m in re.finditer(r"(?<!\w)" + re.escape(form) + r"(?!\w)", text):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            taken.append((s, e))
            found[i].append((s, e))
    return found


def build(labels_path):
    txt_path = labels_path[: -len(".labels.json")] + ".txt"
    text = open(txt_path, encoding="utf-8").read()
    labels = json.load(open(labels_path, encoding="utf-8"))
    b = byte_offsets(text)
    found = mentions(text, labels["entities"])
    entities = []
    for i, e in enumerate(labels["entities"]):
        ms = sorted(found[i])
        entities.append({"id": i + 1, "kind": e["kind"], "name": e["name"], "role": e.get("role"),
                         "wiki": None,
                         "mentions": [{"start": b[s], "end": b[t], "text": text[s:t]} for s, t in ms]})
    quotes = []
    for q in labels["quotes"]:
        s, t = q["start"], q["end"]
        assert text[s:t] == q["text"], (txt_path, q["text"])
        quotes.append({"start": b[s], "end": b[t], "text": q["text"], "kind": q["kind"],
                       "speaker": q.get("speaker"), "speaker_evidence": q.get("evidence")})
    findings = []
    for f in labels["findings"]:
        if f["text"] not in text:
            sys.exit(f"{labels_path}: finding text not in the story: {f['text']!r}")
        findings.append({k: f[k] for k in ("code", "text", "occurrence", "optional", "note") if f.get(k) is not None})
    name = os.path.basename(txt_path)[:-4]
    gold = {"source": "Wikinews, see SOURCES.tsv", "doc": name, "entities": entities,
            "quotes": quotes, "findings": findings}
    with open(labels_path[: -len(".labels.json")] + ".gold.json", "w", encoding="utf-8") as f:
        json.dump(gold, f, ensure_ascii=False, indent=1)
        f.write("\n")


for p in sorted(glob.glob(os.path.join(sys.argv[1], "*.labels.json"))):
    build(p)
