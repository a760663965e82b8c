"""The PDF workbook of all worksheets (placeholder until the printing issue lands)."""


def build_workbooks(data, config, plugin_config) -> None:
    return None
