"""newskg: turn news articles into an RDF knowledge graph of actors, places, events, claims and counts."""

__version__ = "0.1.0"
