"""Answer readers' questions about a health article by quoting it verbatim."""

__version__ = "0.1.0"
