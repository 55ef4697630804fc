"""Website: the engine (engine.py: MkDocs or Zensical, started first) run over the generated folder, the result swapped into place (build.py), and the build measured (bench.py)."""
