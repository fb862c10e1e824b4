"""What every test path (tests/, notebooks/, exercises/) shares: the IPython settings of the kernels the tests start.

Kernels started by the tests (nbval's for the lessons and exercises, the browser tests' JupyterLab) read IPython's
settings from a folder of their own, made here: its one startup file installs tests/dutch_figures.py's check that a
Dutch lesson's figures speak Dutch, and a user's own IPython profile cannot change what the lessons do under test.
Here at the root, so that `pytest notebooks/nl` checks the figures too.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

TESTS = Path(__file__).resolve().parent / "tests"
#: IPython runs the files in `$IPYTHONDIR/profile_default/startup` in every kernel it starts, in its folder.
STARTUP = (f"import pathlib, sys\nif pathlib.Path.cwd().name == 'nl':\n    sys.path.append({str(TESTS)!r})\n"
           "    import dutch_figures\n    dutch_figures.install()\n")


def pytest_configure(config):
    folder = Path(tempfile.mkdtemp(prefix="kit-ipython-"))
    startup = folder / "profile_default" / "startup"
    startup.mkdir(parents=True)
    (startup / "00_dutch_figures.py").write_text(STARTUP, encoding="utf-8")
    config.kit_ipython = folder, os.environ.get("IPYTHONDIR")
    os.environ["IPYTHONDIR"] = str(folder)


def pytest_unconfigure(config):
    folder, before = config.kit_ipython
    if before is None:
        os.environ.pop("IPYTHONDIR", None)
    else:
        os.environ["IPYTHONDIR"] = before
    shutil.rmtree(folder, ignore_errors=True)
