"""The bad-input matrix (issue #13): hostile or broken input to every command gets a correct result or one
``error:`` line, the exit code says which (0 done, 1 the graph does not conform, 2 a user mistake), the check
runs before the expensive work, and nothing is left half-written.

Each row: an id, the command line (``{t}`` is the test folder, ``{ro}`` a place nobody may write, ``{url}`` a
loopback server that counts requests), files to create, bytes for stdin, the exit code and a regular expression
the error line (or, for exit 0/1, the output) must match. The README's "Bad input" table lists these rows.
"""

from __future__ import annotations

import json
import os
import re
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from kg.cli import app
from tests.conftest import ROOT

VALID = (ROOT / "ontologies" / "examples" / "valid.ttl").read_text(encoding="utf-8")
INVALID = str(ROOT / "ontologies" / "examples" / "invalid.ttl")
TEXT = "Rebels attacked the town of Goma on Monday, the army said. Troops withdrew to Bukavu.\n"
XXE = """<?xml version="1.0"?>
<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://x/">
<rdf:Description rdf:about="http://x/a"><ex:p>&xxe;</ex:p></rdf:Description></rdf:RDF>
"""
LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">'
    + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8))
    + ']><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">&i;</rdf:RDF>'
)
BAD_DATE = (
    '@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n<http://x/a> <http://x/d> "2026-13-45"^^xsd:date .\n'
)
GOLD = '{"id": "g1", "text": "Police arrested ten protesters.", "gold": {"event": "ARREST"}}\n'


def jsonl(*rows: dict) -> str:
    return "".join(json.dumps(r) + "\n" for r in rows)


@dataclass
class Row:
    id: str
    args: list[str]
    code: int
    pattern: str
    files: dict[str, Any] = field(default_factory=dict)
    stdin: bytes | None = None
    model: bool = False  # reaches the spaCy model (a real one, loaded once per session)
    outputs: tuple[str, ...] = ()  # must exist on success, must not exist on failure


OUT = ("out/graph.ttl", "out/graph.trig", "out/graph.html")
B = ["build", "--out", "{t}/out"]
ROWS = [
    # build: inputs
    Row("build-missing-file", [*B, "{t}/missing.txt"], 2, "no such file", outputs=OUT),
    Row("build-empty-file", [*B, "{t}/a.txt"], 2, "empty", {"a.txt": ""}, outputs=OUT),
    Row("build-whitespace-only", [*B, "{t}/a.txt"], 2, "empty", {"a.txt": " \n\t\r\n "}, outputs=OUT),
    Row("build-binary-file", [*B, "{t}/a.txt"], 2, "looks binary", {"a.txt": b"ab\x00\x01\x02\xff" * 50}),
    Row(
        "build-pdf",
        [*B, "{t}/a.txt"],
        2,
        "PDF file, not text",
        {"a.txt": b"%PDF-1.7\n%\xe2\xe3"},
        outputs=OUT,
    ),
    Row("build-binary-stdin", [*B, "-"], 2, "stdin: looks binary", stdin=bytes(range(256)) * 4, outputs=OUT),
    Row(
        "build-broken-utf8-stdin",
        [*B, "-"],
        2,
        "stdin: not valid UTF-8 .*damaged",
        stdin="Rebels attacked Goma – ".encode() + b"\xff\xfe",
        outputs=OUT,
    ),  # fmt: skip
    Row(
        "build-latin1",
        [*B, "{t}/a.txt"],
        0,
        "read as Windows-1252",
        {"a.txt": TEXT.replace("Goma", "Bogotá").encode("latin-1")},
        model=True,
        outputs=OUT,
    ),  # fmt: skip
    Row(
        "build-utf16-bom", [*B, "{t}/a.txt"], 0, "", {"a.txt": TEXT.encode("utf-16")}, model=True, outputs=OUT
    ),
    Row(
        "build-utf16-bom-then-8-bit-text",
        [*B, "{t}/a.txt"],
        2,
        "a.txt: not valid UTF-16: a UTF-16 byte-order mark, then 8-bit text",
        {"a.txt": b"\xff\xfe" + TEXT.encode("utf-8")},
        outputs=OUT,
    ),  # fmt: skip
    Row(
        "build-utf16-bom-odd-length",
        [*B, "{t}/a.txt"],
        2,
        "not valid UTF-16: a byte-order mark, then 3 bytes",
        {"a.txt": b"\xff\xfeb\x00a"},
        outputs=OUT,
    ),  # fmt: skip
    Row(
        "build-utf16-bom-private-use",
        [*B, "{t}/a.txt"],
        2,
        "not valid UTF-16: .* unassigned, private-use or control characters",
        {"a.txt": b"\xff\xfe" + ("\ue000\ue001 " * 30).encode("utf-16-le")},
        outputs=OUT,
    ),  # fmt: skip
    Row(
        "build-utf8-bom",
        [*B, "{t}/a.txt"],
        0,
        "",
        {"a.txt": TEXT.encode("utf-8-sig")},
        model=True,
        outputs=OUT,
    ),
    Row(
        "build-crlf",
        [*B, "{t}/a.txt"],
        0,
        "",
        {"a.txt": TEXT.replace("\n", "\r\n").encode()},
        model=True,
        outputs=OUT,
    ),  # fmt: skip
    Row(
        "build-control-rtl-zero-width",
        [*B, "{t}/a.txt"],
        0,
        "",
        {
            "a.txt": "Rebels\u200b attacked\u200f Goma\x0b on Monday. \u202eقالت وزارة الدفاع\u202c \ufeffTroops left.\n"
        },
        model=True,
        outputs=OUT,
    ),  # fmt: skip
    Row(
        "build-200k-character-line",
        [*B, "--no-html", "{t}/a.txt"],
        0,
        "",
        {
            # one 200,000-character line: its extraction took 738 s, then 155 s, and 18 s once the per-sentence
            # and per-event lookups were indexed (README "Long documents and many documents")
            "a.txt": ("Rebels attacked Goma on Monday and the army said troops withdrew to Bukavu. " * 2700)[
                :200_000
            ]
        },
        model=True,
        outputs=OUT[:2],
    ),  # fmt: skip
    Row(
        "build-20mb-document",
        [*B, "{t}/a.txt"],
        2,
        "20,000,000 characters, more than the model's limit",
        {"a.txt": "Rebels attacked Goma. " * 909_090 + "x" * 20},
        model=True,
        outputs=OUT,
    ),  # fmt: skip
    Row("build-stdin-twice", [*B, "-", "-"], 2, "only once", stdin=b"Rebels attacked Goma.", outputs=OUT),
    # build: JSONL
    Row(
        "jsonl-malformed",
        [*B, "{t}/n.jsonl"],
        2,
        r"n.jsonl:2: not valid JSON",
        {"n.jsonl": '{"text": "a"}\n{"text": \n'},
        outputs=OUT,
    ),  # fmt: skip
    Row(
        "jsonl-not-an-object",
        [*B, "{t}/n.jsonl"],
        2,
        r"n.jsonl:1: .*string 'text'",
        {"n.jsonl": "[1, 2]\n"},
        outputs=OUT,
    ),  # fmt: skip
    Row(
        "jsonl-100000-tiny-documents-one-bad-line",
        [*B, "{t}/n.jsonl"],
        2,
        r"n.jsonl:100000: not valid JSON",
        {
            "n.jsonl": "".join(f'{{"id": "d{i}", "text": "Rebels attacked Goma."}}\n' for i in range(99_999))
            + "{\n"
        },
        outputs=OUT,
    ),  # fmt: skip
    Row(
        "jsonl-duplicate-ids",
        [*B, "{t}/n.jsonl"],
        2,
        "duplicate document ids",
        {"n.jsonl": jsonl({"id": "a", "text": "x"}, {"id": "a", "text": "y"})},
        outputs=OUT,
    ),  # fmt: skip
    Row(
        "jsonl-url-not-an-iri",
        [*B, "{t}/n.jsonl"],
        2,
        r"n.jsonl:1: 'url'.* not an absolute IRI",
        {"n.jsonl": jsonl({"text": "x", "url": "news/1"})},
        outputs=OUT,
    ),  # fmt: skip
    Row(
        "jsonl-url-with-space",
        [*B, "{t}/n.jsonl"],
        2,
        "not an absolute IRI",
        {"n.jsonl": jsonl({"text": "x", "url": "http://x/a b"})},
        outputs=OUT,
    ),  # fmt: skip
    Row(
        "jsonl-url-injection",
        [*B, "{t}/n.jsonl"],
        2,
        "not an absolute IRI",
        {"n.jsonl": jsonl({"text": "x", "url": "http://x/> <http://evil/p> <http://evil/o"})},
        outputs=OUT,
    ),  # fmt: skip
    Row(
        "jsonl-url-number",
        [*B, "{t}/n.jsonl"],
        2,
        "'url': must be an IRI string, not int",
        {"n.jsonl": jsonl({"text": "x", "url": 5})},
        outputs=OUT,
    ),  # fmt: skip
    Row(
        "jsonl-text-number",
        [*B, "{t}/n.jsonl"],
        2,
        "string 'text'",
        {"n.jsonl": jsonl({"text": 5})},
        outputs=OUT,
    ),  # fmt: skip
    Row(
        "jsonl-lone-surrogate-id",
        [*B, "{t}/n.jsonl"],
        2,
        "'id' .* printable",
        {"n.jsonl": '{"id": "a\\udc80", "text": "x"}\n'},
        outputs=OUT,
    ),  # fmt: skip
    Row(
        "jsonl-lone-surrogate-text",
        [*B, "{t}/n.jsonl"],
        0,
        "replaced by U\\+FFFD",
        {"n.jsonl": '{"id": "a", "text": "Rebels \\ud800 attacked Goma."}\n'},
        model=True,
        outputs=OUT,
    ),  # fmt: skip
    Row(
        "jsonl-date-year-1",
        [*B, "--processes", "2", "{t}/n.jsonl"],
        2,
        "outside 1000-01-01",
        {"n.jsonl": jsonl({"text": "Rebels attacked on Tuesday.", "date": "0001-01-01"})},
        outputs=OUT,
    ),  # fmt: skip
    Row(
        "jsonl-hostile-ids",
        [*B, "{t}/n.jsonl"],
        0,
        "",
        {
            "n.jsonl": jsonl(
                {"id": "../../etc/passwd", "text": TEXT},
                {"id": "q\"uo'te", "text": TEXT},
                {"id": "<script>alert(1)</script>", "text": TEXT},
            )
        },
        model=True,
        outputs=OUT,
    ),  # fmt: skip
    # build: options
    Row(
        "build-date-year-1",
        [*B, "{t}/a.txt", "--date", "0001-01-01"],
        2,
        "outside",
        {"a.txt": TEXT},
        outputs=OUT,
    ),
    Row(
        "build-date-not-iso",
        [*B, "{t}/a.txt", "--date", "23/01/2026"],
        2,
        "YYYY-MM-DD",
        {"a.txt": TEXT},
        outputs=OUT,
    ),  # fmt: skip
    Row(
        "build-base-iri-space",
        [*B, "{t}/a.txt", "--base-iri", "http://x/ y/"],
        2,
        "not an absolute IRI",
        {"a.txt": TEXT},
        outputs=OUT,
    ),  # fmt: skip
    Row(
        "build-base-iri-injection",
        [*B, "{t}/a.txt", "--base-iri", "http://x/> <http://evil/p> <"],
        2,
        "not an absolute IRI",
        {"a.txt": TEXT},
        outputs=OUT,
    ),  # fmt: skip
    Row(
        "build-base-iri-relative",
        [*B, "{t}/a.txt", "--base-iri", "data/"],
        2,
        "not an absolute IRI",
        {"a.txt": TEXT},
        outputs=OUT,
    ),  # fmt: skip
    Row(
        "build-base-iri-no-slash",
        [*B, "{t}/a.txt", "--base-iri", "http://x/kg"],
        2,
        "must end with",
        {"a.txt": TEXT},
        outputs=OUT,
    ),  # fmt: skip
    Row(
        "build-out-is-a-file",
        ["build", "--out", "{t}/f", "{t}/a.txt"],
        2,
        "exists and is not a folder",
        {"a.txt": TEXT, "f": "x"},
    ),  # fmt: skip
    Row(
        "build-out-read-only", ["build", "--out", "{ro}/out", "{t}/a.txt"], 2, "cannot write", {"a.txt": TEXT}
    ),
    Row(
        "build-model-folder-not-a-pipeline",
        [*B, "{t}/a.txt", "--model", "{t}"],
        2,
        "not a spaCy pipeline",
        {"a.txt": TEXT},
        outputs=OUT,
    ),  # fmt: skip
    Row(
        "build-model-unknown",
        [*B, "{t}/a.txt", "--model", "no_such_pipeline"],
        2,
        "not installed",
        {"a.txt": TEXT},
        outputs=OUT,
    ),  # fmt: skip
    Row(
        "build-processes-0",
        [*B, "{t}/a.txt", "--processes", "0"],
        2,
        "--processes",
        {"a.txt": TEXT},
        outputs=OUT,
    ),  # fmt: skip
    Row(
        "build-unknown-option",
        [*B, "{t}/a.txt", "--colour"],
        2,
        "No such option",
        {"a.txt": TEXT},
        outputs=OUT,
    ),  # fmt: skip
    Row("build-no-input", ["build"], 2, "Missing argument"),
    # query
    Row("query-missing-graph", ["query", "{t}/missing.trig", "SELECT * {}"], 2, "no such"),
    Row(
        "query-bad-format",
        ["query", "{t}/g.ttl", "SELECT * {}", "--format", "yaml"],
        2,
        "--format",
        {"g.ttl": VALID},
    ),  # fmt: skip
    Row("query-syntax-error", ["query", "{t}/g.ttl", "SELEC * {"], 2, "", {"g.ttl": VALID}),
    Row(
        "query-truncated-turtle",
        ["query", "{t}/g.ttl", "SELECT * {}"],
        2,
        r"g.ttl: .*line \d",
        {"g.ttl": VALID[:-40]},
    ),  # fmt: skip
    # untrusted queries: nothing may reach the network or the disk (the sentinel counts requests)
    *(
        Row(f"query-{name}", ["query", "{t}/g.ttl", q], 2, "", {"g.ttl": VALID})
        for name, q in [
            ("service", "SELECT * WHERE { SERVICE <{url}/sparql> { ?s ?p ?o } }"),
            ("service-unicode-escape", "SELECT * WHERE { \\u0053ERVICE <{url}/sparql> { ?s ?p ?o } }"),
            (
                "service-escaped-quote-iri",
                "SELECT * WHERE { SERVICE <{url}/sparql?q=\\u0022x\\u0027> { ?s ?p ?o } }",
            ),
            ("from-url", "SELECT ?o FROM <{url}/data.nt> WHERE { ?s ?p ?o }"),
            ("from-file", "SELECT ?o FROM <file:///etc/passwd> WHERE { ?s ?p ?o }"),
            ("from-named-url", "SELECT ?o FROM NAMED <{url}/g.rdf> WHERE { GRAPH ?g { ?s ?p ?o } }"),
            ("load", "LOAD <{url}/data.ttl>"),
            ("insert", "INSERT DATA { <http://x/a> <http://x/b> <http://x/c> }"),
        ]
    ),  # fmt: skip
    # validate and hostile RDF in every accepted format
    Row("validate-invalid-example", ["validate", INVALID], 1, "Violation"),
    Row("validate-rdfxml-xxe", ["validate", "{t}/g.rdf"], 2, "RDF/XML", {"g.rdf": XXE}),
    Row("validate-rdfxml-entity-expansion", ["validate", "{t}/g.xml"], 2, "RDF/XML", {"g.xml": LAUGHS}),
    Row("validate-rdfxml-as-owl", ["validate", "{t}/g.owl"], 2, "RDF/XML", {"g.owl": XXE}),
    Row("validate-rdfxml-named-ttl", ["validate", "{t}/g.ttl"], 2, r"cannot parse .*line \d", {"g.ttl": XXE}),
    Row(
        "validate-jsonld-remote-context",
        ["validate", "{t}/g.jsonld"],
        2,
        "remote context",
        {"g.jsonld": json.dumps({"@context": "{url}/ctx.jsonld", "@id": "http://x/a", "p": "v"})},
    ),  # fmt: skip
    Row(
        "validate-jsonld-scoped-remote-context",
        ["validate", "{t}/g.jsonld"],
        2,
        "remote context",
        {
            "g.jsonld": json.dumps(
                {
                    "@context": {"p": {"@id": "http://x/p", "@context": "{url}/c"}},
                    "@id": "http://x/a",
                    "p": {"q": 1},
                }
            )
        },
    ),  # fmt: skip
    Row(
        "validate-jsonld-import",
        ["validate", "{t}/g.jsonld"],
        2,
        "remote context",
        {"g.jsonld": json.dumps({"@context": {"@import": "{url}/c"}, "@id": "http://x/a"})},
    ),  # fmt: skip
    Row(
        "validate-truncated-trig",
        ["validate", "{t}/g.trig"],
        2,
        r"line \d",
        {"g.trig": "<http://x/g> { <http://x/a> <http://x/b> "},
    ),  # fmt: skip
    Row(
        "validate-truncated-nt",
        ["validate", "{t}/g.nt"],
        2,
        r"line \d",
        {"g.nt": '<http://x/a> <http://x/b> "c\n'},
    ),  # fmt: skip
    Row(
        "validate-truncated-nq",
        ["validate", "{t}/g.nq"],
        2,
        r"line \d",
        {"g.nq": "<http://x/a> <http://x/b> <http://x/c> <http://x/g\n"},
    ),  # fmt: skip
    Row(
        "validate-truncated-jsonld",
        ["validate", "{t}/g.jsonld"],
        2,
        r"line \d",
        {"g.jsonld": '{"@id": "http://x/a", "http://x/p": '},
    ),  # fmt: skip
    Row(
        "validate-binary-graph",
        ["validate", "{t}/g.ttl"],
        2,
        "cannot parse|not UTF-8",
        {"g.ttl": bytes(range(256))},
    ),  # fmt: skip
    Row("validate-unknown-extension", ["validate", "{t}/g.csv"], 2, "format", {"g.csv": "a,b\n"}),
    # export
    *(
        Row(
            f"export-invalid-xsd-date-to-{s}",
            ["export", "{t}/g.ttl", f"{{t}}/o.{s}"],
            0,
            "wrote",
            {"g.ttl": BAD_DATE},
            outputs=(f"o.{s}",),
        )  # fmt: skip
        for s in ("ttl", "nt", "nq", "trig", "jsonld")
    ),
    Row(
        "export-to-rdfxml",
        ["export", "{t}/g.ttl", "{t}/o.xml"],
        2,
        "o.xml: cannot write RDF/XML; use",
        {"g.ttl": VALID},
        outputs=("o.xml",),
    ),  # fmt: skip
    Row(
        "export-unknown-extension",
        ["export", "{t}/g.ttl", "{t}/o.txt"],
        2,
        "format",
        {"g.ttl": VALID},
        outputs=("o.txt",),
    ),  # fmt: skip
    Row(
        "export-to-missing-folder",
        ["export", "{t}/g.ttl", "{t}/no/o.nt"],
        2,
        "does not exist",
        {"g.ttl": VALID},
        outputs=("no",),
    ),  # fmt: skip
    Row(
        "export-to-a-folder",
        ["export", "{t}/g.ttl", "{t}/d.nt"],
        2,
        "is a folder",
        {"g.ttl": VALID, "d.nt/x": ""},
    ),  # fmt: skip
    Row("export-to-read-only", ["export", "{t}/g.ttl", "{ro}/o.nt"], 2, "cannot write", {"g.ttl": VALID}),
    # viz
    Row(
        "viz-size-by-unknown",
        ["viz", "{t}/g.ttl", "-o", "{t}/v.html", "--size-by", "foo"],
        2,
        "--size-by must be one of",
        {"g.ttl": VALID},
        outputs=("v.html",),
    ),  # fmt: skip
    Row(
        "viz-max-nodes-0",
        ["viz", "{t}/g.ttl", "-o", "{t}/v.html", "--max-nodes", "0"],
        2,
        "--max-nodes",
        {"g.ttl": VALID},
        outputs=("v.html",),
    ),  # fmt: skip
    Row(
        "viz-max-nodes-negative",
        ["viz", "{t}/g.ttl", "-o", "{t}/v.html", "--max-nodes", "-3"],
        2,
        "--max-nodes",
        {"g.ttl": VALID},
        outputs=("v.html",),
    ),  # fmt: skip
    Row(
        "viz-to-missing-folder",
        ["viz", "{t}/g.ttl", "-o", "{t}/no/v.html"],
        2,
        "does not exist",
        {"g.ttl": VALID},
        outputs=("no",),
    ),  # fmt: skip
    Row(
        "viz-to-a-folder",
        ["viz", "{t}/g.ttl", "-o", "{t}/d.html"],
        2,
        "is a folder",
        {"g.ttl": VALID, "d.html/x": ""},
    ),  # fmt: skip
    Row("viz-to-read-only", ["viz", "{t}/g.ttl", "-o", "{ro}/v.html"], 2, "cannot write", {"g.ttl": VALID}),
    # analyze
    Row("analyze-top-negative", ["analyze", "{t}/g.ttl", "--top", "-1"], 2, "--top", {"g.ttl": VALID}),
    Row("analyze-top-0", ["analyze", "{t}/g.ttl", "--top", "0"], 2, "--top", {"g.ttl": VALID}),
    Row(
        "analyze-export-bad-suffix",
        ["analyze", "{t}/g.ttl", "--export", "{t}/a.csv"],
        2,
        "must end in",
        {"g.ttl": VALID},
        outputs=("a.csv",),
    ),  # fmt: skip
    Row(
        "analyze-export-missing-folder",
        ["analyze", "{t}/g.ttl", "--export", "{t}/no/a.gexf"],
        2,
        "does not exist",
        {"g.ttl": VALID},
        outputs=("no",),
    ),  # fmt: skip
    Row(
        "analyze-export-to-a-folder",
        ["analyze", "{t}/g.ttl", "--export", "{t}/d.graphml"],
        2,
        "is a folder",
        {"g.ttl": VALID, "d.graphml/x": ""},
    ),  # fmt: skip
    Row(
        "analyze-export-read-only",
        ["analyze", "{t}/g.ttl", "--export", "{ro}/a.graphml"],
        2,
        "cannot write",
        {"g.ttl": VALID},
    ),  # fmt: skip
    # events, entities, evaluate
    Row("events-bad-format", ["events", "{t}/g.ttl", "--format", "xml"], 2, "--format", {"g.ttl": VALID}),
    Row("entities-bad-format", ["entities", "{t}/g.ttl", "--format", "xml"], 2, "--format", {"g.ttl": VALID}),
    Row("evaluate-missing-gold", ["evaluate", "{t}/g.jsonl"], 2, "no such gold file"),
    Row("evaluate-empty-gold", ["evaluate", "{t}/g.jsonl"], 2, "no gold records", {"g.jsonl": "\n"}),
    Row(
        "evaluate-gold-wrong-types",
        ["evaluate", "{t}/g.jsonl"],
        2,
        "line 2: needs a string 'text'",
        {"g.jsonl": GOLD + '{"id": 1, "text": 5, "gold": {"event": "ARREST"}}\n'},
    ),  # fmt: skip
    Row(
        "evaluate-gold-actor-wrong-type",
        ["evaluate", "{t}/g.jsonl"],
        2,
        "line 1: gold 'source_actors'",
        {"g.jsonl": '{"text": "x", "gold": {"event": "ARREST", "source_actors": "police"}}\n'},
    ),  # fmt: skip
    # serve: bad options are refused before anything listens
    Row("serve-missing-target", ["serve", "{t}/missing.trig", "--port", "0"], 2, "no such"),
    Row("serve-port-out-of-range", ["serve", "{t}/g.ttl", "--port", "70000"], 2, "--port", {"g.ttl": VALID}),
    Row("serve-timeout-0", ["serve", "{t}/g.ttl", "--timeout", "0"], 2, "--timeout", {"g.ttl": VALID}),
    Row("serve-rdfxml-target", ["serve", "{t}/g.rdf", "--port", "0"], 2, "RDF/XML", {"g.rdf": XXE}),
    # the program itself
    Row("quiet-and-verbose", ["-q", "-v", "validate", INVALID], 2, "cannot be used together"),
    Row("unknown-command", ["frobnicate"], 2, "No such command"),
]


@pytest.fixture(scope="module")
def sentinel():
    """A loopback HTTP server that records every request: a hostile input must never make us fetch."""
    hits: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - http.server's naming
            hits.append(self.path)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"{}")

        do_POST = do_GET  # noqa: N815

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", hits
    server.shutdown()


@pytest.fixture
def read_only(tmp_path):
    """A folder nobody may write into: chmod works for ordinary users; root needs a read-only mount (/sys)."""
    if os.geteuid() == 0:
        yield Path("/sys")
        return
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    yield folder
    folder.chmod(0o755)


def run(row: Row, tmp_path: Path, url: str, read_only: Path, monkeypatch, request):
    fill = {"t": str(tmp_path), "ro": str(read_only), "url": url}
    for name, content in row.files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content.replace("{url}", url), encoding="utf-8")
    if row.model:  # the real model, loaded once: each CLI run would otherwise load it again
        nlp = request.getfixturevalue("nlp")
        import kg.extract.pipeline as pipeline

        real = pipeline.load_pipeline
        monkeypatch.setattr(
            pipeline, "load_pipeline", lambda model=None: nlp if model is None else real(model)
        )
    args = list(row.args)
    for key, value in fill.items():
        args = [a.replace("{" + key + "}", value) for a in args]
    return CliRunner().invoke(app, args, input=row.stdin)


@pytest.mark.parametrize("row", ROWS, ids=[r.id for r in ROWS])
def test_bad_input_matrix(row, tmp_path, sentinel, read_only, monkeypatch, request):
    url, hits = sentinel
    before = len(hits)
    result = run(row, tmp_path, url, read_only, monkeypatch, request)
    assert "Traceback" not in result.output, result.output
    assert result.exit_code == row.code, result.output
    stderr = result.stderr.splitlines()
    if row.code == 2:
        assert len(stderr) == 1 and stderr[0].startswith("error: "), result.stderr
        assert re.search(row.pattern, stderr[0]), stderr[0]
        assert not any((tmp_path / o).exists() for o in row.outputs), "partial output left behind"
    else:
        assert re.search(row.pattern, result.output), result.output
        assert not [line for line in stderr if line.startswith("error")], result.stderr
        assert all((tmp_path / o).stat().st_size > 0 for o in row.outputs)
        if row.args[0] == "build":
            check_build(tmp_path, [a.replace("{t}", str(tmp_path)) for a in row.args if a.startswith("{t}/")])
    assert not list(tmp_path.rglob("*.tmp")), "temporary files left behind"
    assert len(hits) == before, f"fetched {hits[before:]}"


def check_build(tmp_path: Path, inputs: list[str]) -> None:
    """A build that succeeded is correct: every mention quotes the text the reader gave the model, at its
    offsets, in every document; hostile ids stay inside IRIs (percent-encoded) and out of file names."""
    from rdflib import Dataset

    from kg.rdf.namespace import KG, SCHEMA
    from kg.reader import read_inputs

    texts = {d.doc_id: d.text for d in read_inputs([i for i in inputs if not i.endswith("/out")])}
    data = Dataset()
    data.parse(tmp_path / "out" / "graph.trig", format="trig")
    data.default_union = True
    ids = {doc: str(ident) for doc, ident in data.subject_objects(SCHEMA.identifier)}
    assert set(ids.values()) == set(texts)
    checked = 0
    for node, anchor in data.subject_objects(KG.anchorOf):
        doc = data.value(node, KG.document)
        if doc is None:
            continue
        start, end = int(data.value(node, KG.startChar)), int(data.value(node, KG.endChar))
        assert texts[ids[doc]][start:end] == str(anchor), (node, anchor)
        checked += 1
    assert checked > 0
    assert {p.name for p in (tmp_path / "out").iterdir()} <= {"graph.ttl", "graph.trig", "graph.html"}
    html = tmp_path / "out" / "graph.html"
    assert not html.exists() or "<script>alert(1)" not in html.read_text(encoding="utf-8")


def test_100000_tiny_documents_are_read_whole_and_in_order(tmp_path):
    """The reader's side of the "100,000 tiny documents" row: every line becomes its document, in order."""
    from kg.reader import read_inputs

    path = tmp_path / "n.jsonl"
    path.write_text("".join(f'{{"id": "d{i}", "text": "Rebels attacked Goma."}}\n' for i in range(100_000)))
    documents = read_inputs([str(path)])
    assert [d.doc_id for d in documents] == [f"d{i}" for i in range(100_000)]
    assert {d.text for d in documents} == {"Rebels attacked Goma."}


def test_many_tiny_documents_extract_without_keeping_their_docs(nlp):
    """The extraction side, on 1,000 of them with the real model: each gets its record, and no Doc outlives
    its record (the working state's spans used to keep every Doc of a run in memory)."""
    import gc

    from kg.extract import state
    from kg.extract.pipeline import InputDocument, extract

    gc.collect()
    kept = len(state._STATE)  # Docs other tests made with nlp(text) keep their state (see state.release)
    documents = [InputDocument(f"d{i}", "Rebels attacked Goma.") for i in range(1_000)]
    records = list(extract(nlp, documents, batch_size=64))
    gc.collect()
    assert [r.doc_id for r in records] == [d.doc_id for d in documents]
    assert all(
        {(e.label, e.kind) for e in r.entities} == {("Goma", "City"), ("rebels", "Group")} for r in records
    )
    assert all([e.type for e in r.events] == ["Attack"] for r in records)
    assert len(state._STATE) <= kept
