"""newsweave: one sourced picture of a story from a pile of news reports."""

__version__ = "0.1.0"
