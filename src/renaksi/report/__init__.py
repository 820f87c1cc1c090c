"""The printed documents: one view per document, and their rendering through the templates."""
