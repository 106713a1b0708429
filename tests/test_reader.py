"""Input reading: files, folders, stdin, JSONL; every bad input is a clear InputError, nothing dropped."""

from __future__ import annotations

import io
import json

import pytest

from kg.reader import InputError, content_id, read_inputs


def test_files_and_folders_give_one_document_per_file_named_by_stem(tmp_path):
    (tmp_path / "a.txt").write_text("Rebels attacked the town.", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("Police arrested ten people.", encoding="utf-8")
    docs = read_inputs([str(tmp_path)], date="2026-01-23")
    assert [(d.doc_id, d.date) for d in docs] == [("a-3814fd44", "2026-01-23"), ("b-c7e6a751", "2026-01-23")]


def test_jsonl_carries_id_date_title_url(tmp_path):
    path = tmp_path / "news.jsonl"
    rows = [
        {"id": "x1", "text": "Troops withdrew.", "date": "2025-03-01", "title": "T", "url": "https://e.org/1"}
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n", encoding="utf-8")
    (doc,) = read_inputs([str(path)])
    assert (doc.doc_id, doc.date, doc.title, doc.url) == ("x1", "2025-03-01", "T", "https://e.org/1")


def test_stdin_is_one_document_named_by_its_content(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("Protesters marched in Khartoum."))
    first = read_inputs(["-"])[0].doc_id
    monkeypatch.setattr("sys.stdin", io.StringIO("Protesters marched in Omdurman."))
    assert first.startswith("text-") and read_inputs(["-"])[0].doc_id != first  # never a shared "stdin"


def test_two_files_with_one_name_are_two_documents(tmp_path):
    for folder, text in (("gaza", "Strikes hit Rafah."), ("beirut", "Strikes hit Tyre.")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "report.txt").write_text(text, encoding="utf-8")
    ids = [d.doc_id for d in read_inputs([str(tmp_path)])]
    assert len(set(ids)) == 2 and all(i.startswith("report-") for i in ids)


def test_jsonl_without_id_is_named_by_url_then_content(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text('{"text": "A", "url": "https://example.org/a"}\n{"text": "B"}\n', encoding="utf-8")
    assert [d.doc_id for d in read_inputs([str(path)])] == ["https://example.org/a", content_id("B")]


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda p: None, "no such file"),
        (lambda p: p.write_text("   \n", encoding="utf-8"), "empty"),
        (lambda p: p.write_bytes("déjà vu ".encode() + b"\xff"), "not valid UTF-8 .* damaged"),
        (lambda p: p.write_bytes(b"\xff\xfeb\x00a"), "not valid UTF-16"),
        (lambda p: p.write_bytes(b"text\x00\x01\x02 more"), "looks binary"),
        (lambda p: p.write_bytes(b"%PDF-1.7 ..."), "PDF"),
        (lambda p: p.write_bytes(bytes(range(1, 32)) * 40), "looks binary"),
    ],
)
def test_bad_files_are_refused_with_their_name(tmp_path, setup, message):
    path = tmp_path / "story.txt"
    setup(path)
    with pytest.raises(InputError, match=message):
        read_inputs([str(path)])


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "not valid JSON"),
        ('{"id": "a"}', "string 'text'"),
        ('{"text": "x", "date": "May 5"}', "YYYY-MM-DD"),
    ],
)
def test_bad_jsonl_lines_name_their_line(tmp_path, line, message):
    path = tmp_path / "n.jsonl"
    path.write_text('{"text": "fine"}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=rf"n.jsonl:2: .*{message}"):
        read_inputs([str(path)])


def test_duplicate_ids_are_refused(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    for folder in ("a", "b"):
        (tmp_path / folder / "same.txt").write_text("Text.", encoding="utf-8")
    with pytest.raises(InputError, match="duplicate"):
        read_inputs([str(tmp_path)])


def test_bad_date_option_is_refused(tmp_path):
    (tmp_path / "a.txt").write_text("Text.", encoding="utf-8")
    with pytest.raises(InputError, match="--date"):
        read_inputs([str(tmp_path / "a.txt")], date="23/01/2026")


def test_a_folder_reads_articles_not_readmes_or_data(tmp_path):
    (tmp_path / "a.txt").write_text("Rebels attacked the town.", encoding="utf-8")
    (tmp_path / "README.md").write_text("# About these articles", encoding="utf-8")
    (tmp_path / "a.gold.json").write_text("{}", encoding="utf-8")
    assert [d.doc_id for d in read_inputs([str(tmp_path)])] == ["a-3814fd44"]
    assert read_inputs([str(tmp_path / "README.md")])[0].doc_id.startswith(
        "README-"
    )  # named explicitly: read


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("Café in Goma.".encode("utf-8-sig"), "Café in Goma."),
        ("Café in Goma.".encode("utf-16"), "Café in Goma."),
        ("Café in Goma.".encode("utf-16-be").join([b"\xfe\xff", b""]), "Café in Goma."),
        ("Café in Goma.".encode("utf-32"), "Café in Goma."),
        ("Café in Goma.".encode("cp1252"), "Café in Goma."),
        ("“Quotes” – Goma".encode("cp1252"), "“Quotes” – Goma"),
        (b"Line one.\r\nLine two.\rLine three.", "Line one.\nLine two.\nLine three."),
    ],
)
def test_encodings_and_line_breaks_are_read_as_text(tmp_path, data, expected):
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    assert read_inputs([str(path)])[0].text == expected


def test_stdin_bytes_are_decoded_by_the_same_rules(monkeypatch):
    fake = io.TextIOWrapper(io.BytesIO(b"\xef\xbb\xbfRebels attacked.\r\n"), encoding="ascii")
    monkeypatch.setattr("sys.stdin", fake)
    assert read_inputs(["-"])[0].text == "Rebels attacked.\n"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"text": "x", "url": "not an iri"}', "not an absolute IRI"),
        ('{"text": "x", "url": "http://x/a b"}', "not an absolute IRI"),
        ('{"text": "x", "url": 5}', "IRI string, not int"),
        ('{"text": "x", "id": ["a"]}', "'id' must be a string"),
        ('{"text": "x", "id": "\\udc80"}', "printable"),
        ('{"text": "x", "title": 7}', "'title' must be a string"),
        ('{"text": "x", "date": 20260101}', "date must be a string"),
        ('{"text": "x", "date": "0001-01-01"}', "outside"),
        ("[" * 100000, "not valid JSON"),
    ],
)
def test_bad_jsonl_fields_are_refused_naming_the_line(tmp_path, line, message):
    path = tmp_path / "n.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=rf"n.jsonl:1: .*{message}"):
        read_inputs([str(path)])


def test_lone_surrogates_in_text_become_replacement_characters_of_the_same_length(tmp_path):
    path = tmp_path / "n.jsonl"
    path.write_text('{"id": "a", "text": "Rebels \\udc80 attacked Goma."}\n', encoding="utf-8")
    (doc,) = read_inputs([str(path)])
    assert doc.text == "Rebels \ufffd attacked Goma."
