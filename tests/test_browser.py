"""The rendered HTML in real headless Chromium (Debian's /usr/bin/chromium) with every request but the page
itself blocked: it draws, shows evidence on click, filters, and hostile text never runs."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from kg.graph.viz import render_html

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
HOSTILE = '<img src=x onerror="window.__xss=1;alert(1)"></script><script>window.__xss=2</script>'


def _evidence(sentence: str, doc: str = "doc-1") -> list[dict[str, Any]]:
    return [{"sentence": sentence, "document": doc, "start": 10, "end": 10 + len(sentence), "anchor": ""}]


def hostile_graph() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    actors = {"a:rebels": "Rebel Front", "a:army": "National Army", "a:evil": HOSTILE, "a:un": "UN Mission"}
    for key, label in actors.items():
        g.add_node(key, label=label, kind="actor", iri=key, evidence=_evidence(f"{label} was mentioned."))
    g.add_node("p:town", label="Rivertown", kind="place", iri="p:town", evidence=_evidence("In Rivertown."))
    events = [
        ("e:1", "Attack", "2026-01-05", "asserted", "a:rebels", "a:army"),
        ("e:2", "Protest", "2026-02-10", "claimed", "a:evil", "a:army"),
        ("e:3", "Attack", "2026-03-01", "hedged", "a:army", "a:un"),
    ]
    for key, etype, day, certainty, agent, target in events:
        sentence = f"The {etype.lower()} happened on {day}. {HOSTILE}"
        g.add_node(
            key,
            label=etype.lower(),
            kind="event",
            iri=key,
            event_type=etype,
            date=day,
            certainty=certainty,
            speaker="UN Mission",
            evidence=_evidence(sentence),
        )
        g.add_edge(key, agent, key="agent", role="agent", label="agent")
        g.add_edge(key, target, key="target", role="target", label="target")
        g.add_edge(key, "p:town", key="place", role="place", label="place")
    return g


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing: install it with `sudo apt-get install -y chromium` (or run `make test` as root)"
        if os.environ.get("CI") == "true":  # CI must not pass by skipping the only check of the page's safety
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


class Page:
    """A loaded page plus everything it tried to do: requests, dialogs, console errors."""

    def __init__(self, browser: Any, path: Path) -> None:
        self.url = path.resolve().as_uri()
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.page = browser.new_page(viewport={"width": 1400, "height": 900})
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.route("**/*", self._route)
        self.page.goto(self.url)
        self.page.wait_for_function("window.kgGraph && window.kgGraph.ready", timeout=15000)

    def _route(self, route: Any) -> None:
        self.requests.append(route.request.url)
        if route.request.url == self.url:
            route.continue_()
        else:
            route.abort()

    def js(self, script: str, arg: Any = None) -> Any:
        return self.page.evaluate(script, arg)

    def node_id(self, label: str) -> str:
        return self.js("l => kgGraph.nodes.get({filter: n => n.details.label === l})[0].id", label)

    def click_node(self, label: str) -> None:
        point = self.js(
            """id => { const net = kgGraph.network; const p = net.canvasToDOM(net.getPositions([id])[id]);
                       const r = document.querySelector('#graph canvas').getBoundingClientRect();
                       return {x: r.left + p.x, y: r.top + p.y}; }""",
            self.node_id(label),
        )
        self.page.mouse.click(point["x"], point["y"])

    def panel(self) -> str:
        return self.page.inner_text("#panel")


@pytest.fixture(scope="module")
def graph() -> nx.MultiDiGraph:
    return hostile_graph()


@pytest.fixture()
def page(browser: Any, graph: nx.MultiDiGraph, tmp_path: Path) -> Iterator[Page]:
    loaded = Page(browser, render_html(graph, tmp_path / "graph.html", title=f"Test {HOSTILE}"))
    yield loaded
    loaded.page.close()


def test_canvas_draws_every_node(page: Page, graph: nx.MultiDiGraph):
    assert page.js("kgGraph.nodeCount") == graph.number_of_nodes()
    assert page.page.get_attribute("#graph", "data-node-count") == str(graph.number_of_nodes())
    painted = page.js(
        """() => { const c = document.querySelector('#graph canvas');
                   const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                   let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n; }"""
    )
    assert painted > 1000


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Rebel Front", "Rebel Front was mentioned."),
        ("attack", "The attack happened on 2026-01-05."),
        ("Rivertown", "In Rivertown."),
    ],
)
def test_clicking_a_node_shows_its_evidence(page: Page, label: str, expected: str):
    page.click_node(label)
    assert expected in page.panel()
    assert "doc-1" in page.panel()


def test_clicking_an_event_shows_speaker_and_certainty(page: Page):
    page.click_node("protest")
    text = page.panel()
    assert "UN Mission" in text and "claimed" in text and "2026-02-10" in text


@pytest.mark.parametrize(
    ("action", "visible"),
    [
        ("document.querySelector(\"input[name='kind'][value='event']\").click()", 5),
        ("document.querySelector(\"input[name='event-type'][value='Attack']\").click()", 6),
        ("document.querySelector(\"input[name='certainty'][value='hedged']\").click()", 7),
        (
            "(() => { const i = document.getElementById('date-from'); i.value = '2026-02-01';"
            " i.dispatchEvent(new Event('change')); })()",
            7,
        ),
    ],
)
def test_filters_change_the_visible_count(page: Page, action: str, visible: int):
    assert page.js("kgGraph.visibleCount") == 8
    page.js(action)
    assert page.js("kgGraph.visibleCount") == visible
    assert page.page.get_attribute("#graph", "data-visible-count") == str(visible)
    hidden = page.js("kgGraph.nodes.get({filter: n => n.hidden}).length")
    assert hidden == 8 - visible


def test_ego_view_keeps_the_neighbourhood(page: Page):
    page.page.select_option("#ego-center", page.node_id("Rebel Front"))
    assert page.js("kgGraph.visibleCount") == 2
    page.page.fill("#ego-radius", "2")
    page.page.dispatch_event("#ego-radius", "change")
    assert page.js("kgGraph.visibleCount") == 4  # rebels, e:1, army, town
    page.page.click("#ego-reset")
    assert page.js("kgGraph.visibleCount") == 8


def test_hostile_text_is_shown_as_text_and_never_runs(page: Page):
    page.click_node(HOSTILE)
    assert HOSTILE in page.panel()
    page.click_node("protest")
    assert "<img src=x" in page.panel()
    assert page.js("window.__xss") is None
    assert page.js("document.querySelectorAll('img').length") == 0
    assert page.js("document.scripts.length") == 3
    assert HOSTILE in page.page.title()
    assert page.dialogs == []


def test_nothing_leaves_the_page_and_nothing_errors(page: Page):
    page.click_node("attack")
    page.js("document.querySelector(\"input[name='kind'][value='place']\").click()")
    assert page.requests == [page.url]
    assert page.errors == []


def test_cut_graph_says_so(browser: Any, graph: nx.MultiDiGraph, tmp_path: Path):
    loaded = Page(browser, render_html(graph, tmp_path / "cut.html", max_nodes=3, size_by="degree"))
    try:
        assert loaded.js("kgGraph.nodeCount") == 3
        note = loaded.page.inner_text("#cut-note")
        assert loaded.page.is_visible("#cut-note")
        assert "top 3 of 8 nodes by degree" in note
    finally:
        loaded.page.close()


@pytest.mark.integration
def test_a_hostile_article_built_by_the_real_pipeline_runs_nothing(browser: Any, tmp_path: Path):
    """End to end: article text -> real model -> `kg build` -> HTML in Chromium with the network blocked."""
    from typer.testing import CliRunner

    from kg.cli import app

    article = tmp_path / "hostile.txt"
    article.write_text(
        "Fighters of the <img src=x onerror=window.__xss=1> Front attacked Goma on Monday, officials said. "
        'The </script><script>window.__xss=2</script> Brigade denied it, the "Kivu" police said.\n',
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        app, ["build", str(article), "--date", "2026-02-02", "--out", str(tmp_path / "o")]
    )
    assert result.exit_code == 0, result.output
    page = Page(browser, tmp_path / "o" / "graph.html")
    try:
        assert page.js("kgGraph.nodeCount") > 3
        page.click_node(page.js("kgGraph.nodes.get().find(n => n.details.kind === 'event').details.label"))
        assert "Goma" in page.panel() or "Brigade" in page.panel()
        assert page.js("window.__xss") is None and page.dialogs == [] and page.errors == []
        assert page.js("document.querySelectorAll('img').length") == 0
        assert page.requests == [page.url]
    finally:
        page.page.close()
