"""A pool experiment leaves no process behind when its parent is killed, whatever the signal.

The parent runs an experiment on the kit's own pool (2 workers, started by a forkserver, with a
resource tracker beside them). Once the first replications are in, the test lists every
process below the parent, kills the parent, and waits for all of them to go.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads the process tree from /proc")

EXPERIMENT = """
import sys
from simulation.experiment import replicate

def started(done, total):
    if done == 1:
        print("running", flush=True)

if __name__ == "__main__":
    small = {"run.years": 1, "accounts.initial_customers": 20, "market.inbound_leads_per_month": 3.0}
    replicate(small, 400, workers=2, chunk_size=1, progress=started)
"""


def _children(pid: int) -> set[int]:
    found = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        text = (task / "children").read_text() if (task / "children").exists() else ""
        found.update(int(child) for child in text.split())
    return found


def _descendants(pid: int) -> set[int]:
    found, todo = set(), [pid]
    while todo:
        for child in _children(todo.pop()) - found:
            found.add(child)
            todo.append(child)
    return found


def _alive(pid: int) -> bool:
    """Running, not a zombie waiting to be reaped."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, IndexError):
        return False
    return state != "Z"


@pytest.mark.parametrize("signum, code", [(signal.SIGTERM, 143), (signal.SIGKILL, -signal.SIGKILL)],
                         ids=["sigterm", "sigkill"])
def test_killing_the_parent_of_a_pool_leaves_no_survivors(tmp_path, signum, code):
    script = tmp_path / "experiment.py"
    script.write_text(EXPERIMENT)
    root = Path(__file__).resolve().parents[1]
    parent = subprocess.Popen([sys.executable, str(script)], cwd=tmp_path, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(root)})
    family: set[int] = set()
    try:
        assert parent.stdout.readline().strip() == "running"
        family = _descendants(parent.pid)
        assert len(family) >= 3  # forkserver, resource tracker, 2 workers
        parent.send_signal(signum)
        assert parent.wait(timeout=10) == code
        assert "Traceback" not in parent.stderr.read()  # the pool shut down without complaint
        deadline = time.monotonic() + 5
        while any(map(_alive, family)) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert [pid for pid in family if _alive(pid)] == []
    finally:  # whatever happened, leave nothing running
        for pid in [parent.pid, *family]:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
        parent.wait()


def test_sigterm_during_a_simulation_ends_cleanly_not_in_a_type_error():
    """SimPy re-raises an exception from a process as `type(error)(*error.args)`: `Terminated`
    must survive that copy, so `kill PID` on `run` exits 143 with 'terminated', not a traceback."""
    import simpy

    from simulation.termination import Terminated, sigterm_cleanup

    def process(env):
        yield env.timeout(1)
        os.kill(os.getpid(), signal.SIGTERM)  # arrives while SimPy runs this process
        yield env.timeout(1)

    env = simpy.Environment()
    env.process(process(env))
    with pytest.raises(Terminated) as caught, sigterm_cleanup():
        env.run()
    assert caught.value.code == 143
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL
