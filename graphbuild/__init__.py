"""graphbuild: ML paper listings in, a citation-and-concept knowledge graph out."""

from graphbuild.compiled import use_current_sources

__version__ = "0.1.0"

# Before any extraction module is imported: one edited since it was compiled runs from source.
use_current_sources()
