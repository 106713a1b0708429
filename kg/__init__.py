"""newskg: turn news articles into an RDF knowledge graph of actors, places, events, claims and counts."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("newskg")
except PackageNotFoundError:  # a source tree that was never installed
    __version__ = "0+unknown"
