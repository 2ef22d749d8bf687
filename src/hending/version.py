"""The package version, recorded with every extraction."""

__version__ = "0.1.0"
