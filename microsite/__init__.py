"""Accessible educational microsites for MkDocs."""
