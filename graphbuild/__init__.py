"""graphbuild: ML paper listings in, a citation-and-concept knowledge graph out."""

__version__ = "0.1.0"
