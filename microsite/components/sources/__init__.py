"""Sources component (placeholder until the quotes issue lands)."""


def load_further_reading(path, label, errors):
    return []
