"""The engine (MkDocs or Zensical) as a process of its own, started before there is anything for it to build.

`minsheng build` starts it first. While the data is read, checked and computed and the pages are written, it loads,
on the machine's other processor, what every build of it needs: its own code and, for MkDocs, the search plugin
with jieba's dictionary (0.6 s alone), about 0.9 s in all. Then it is given its arguments and builds. At the
shipped size the whole build went from 3.7 s to 3.05 s, a sixth of the wait; a build that stops before its pages
stops the engine unused.

Run as `python -m minsheng.website.engine NAME`, it reads one line from its standard input: the engine's command-line
arguments, the folder to run them in and what to add to its environment, as JSON. An empty line (or none) ends it
without building. Its exit status and output are the engine's own.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile


class Engine:
    """The engine's process, started at once; `build` hands it its arguments, `wait` its result. Used as a context
    manager, it stops the process at the end of the block if it still runs (the build failed)."""

    def __init__(self, name: str):
        self.name = name
        self._output = tempfile.TemporaryFile()  # a file, which never fills and stalls it as a pipe would
        self._process = subprocess.Popen([sys.executable, "-m", __name__, name], stdin=subprocess.PIPE,
                                         stdout=self._output, stderr=subprocess.STDOUT)

    def __enter__(self) -> Engine:
        return self

    def __exit__(self, *_) -> None:
        self.stop()
        self._output.close()

    def build(self, arguments: list[str], cwd: str, environment: dict[str, str]) -> None:
        """Start the build: `arguments` as on the engine's command line, run in `cwd` with `environment` added."""
        order = {"arguments": arguments, "cwd": cwd, "environment": environment}
        try:
            self._process.stdin.write(json.dumps(order).encode() + b"\n")
            self._process.stdin.close()
        except BrokenPipeError:  # it ended while loading: `wait` gives what it said
            pass

    def wait(self) -> str | None:
        """None when the engine succeeded; what it printed when it failed."""
        if self._process.wait() == 0:
            return None
        self._output.seek(0)
        return self._output.read().decode(errors="replace")

    def stop(self) -> None:
        if self._process.poll() is None:
            self._process.kill()
            self._process.wait()
        if not self._process.stdin.closed:
            self._process.stdin.close()


def _command_line(name: str):
    """The engine's command line (a click command), with what every build of it needs loaded."""
    if name == "mkdocs":
        import jieba
        import material.plugins.search.plugin  # noqa: F401
        import mkdocs.commands.build  # noqa: F401
        from mkdocs.__main__ import cli

        jieba.initialize()  # the dictionary the search plugin loads first thing (its user words are added then)
        return cli
    if name == "zensical":
        from zensical.main import cli

        return cli
    raise SystemExit(f"未知的构建引擎：{name}")


def main(name: str) -> None:
    cli = _command_line(name)
    line = sys.stdin.readline()
    if not line.strip():
        return
    order = json.loads(line)
    os.chdir(order["cwd"])
    os.environ.update(order["environment"])
    cli.main(args=order["arguments"], prog_name=name)  # exits with the engine's status


if __name__ == "__main__":
    main(sys.argv[1])
