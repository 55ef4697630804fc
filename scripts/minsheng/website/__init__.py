"""Website: MkDocs run over the generated folder, the result swapped into place (build.py), and the build measured (bench.py)."""
