"""Worksheet component (placeholder until the worksheet issue lands)."""


def load_worksheets(folder, label, errors):
    return {}
