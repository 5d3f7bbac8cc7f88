"""Dumps a .docx as JSON with Python's zipfile and ElementTree, an independent reader for the
answer's Word export.

usage: read_docx.py <file.docx>
parts: the package's part names; content_types: the overrides; styles: the style ids defined;
body: the body in order, each {"p": text, "style": id} or {"table": [[cell text, ...], ...],
"header_repeats": bool}; page: the section's page size in twips.
"""
import json
import sys
import zipfile
import xml.etree.ElementTree as ET

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"


def text(element):
    return "".join(t.text or "" for t in element.iter(W + "t"))


def main(path):
    package = zipfile.ZipFile(path)
    assert package.testzip() is None
    document = ET.fromstring(package.read("word/document.xml"))
    styles = ET.fromstring(package.read("word/styles.xml"))
    types = ET.fromstring(package.read("[Content_Types].xml"))
    body = []
    for child in document.find(W + "body"):
        if child.tag == W + "p":
            style = child.find(f"{W}pPr/{W}pStyle")
            body.append({"p": text(child), "style": style.get(W + "val") if style is not None else None})
        elif child.tag == W + "tbl":
            rows = child.findall(W + "tr")
            body.append(
                {
                    "table": [[text(tc) for tc in tr.findall(W + "tc")] for tr in rows],
                    "header_repeats": bool(rows) and rows[0].find(f"{W}trPr/{W}tblHeader") is not None,
                }
            )
    size = document.find(f"{W}body/{W}sectPr/{W}pgSz")
    out = {
        "parts": package.namelist(),
        "content_types": {o.get("PartName"): o.get("ContentType") for o in types.findall(CT + "Override")},
        "styles": [s.get(W + "styleId") for s in styles.findall(W + "style")],
        "body": body,
        "page": {"w": size.get(W + "w"), "h": size.get(W + "h")},
    }
    json.dump(out, sys.stdout, ensure_ascii=False)


main(sys.argv[1])
