"""Our theme folder, also published as a theme that extends Material (`theme:
name: microsite`), for engines that take templates only from themes and
custom_dir: Zensical runs no MkDocs plugin that could add the folder."""
