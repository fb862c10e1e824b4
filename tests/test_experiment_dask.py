"""A Dask cluster gives the same rows, bit for bit, as a serial run.

The cluster is a real `distributed.LocalCluster` with two worker processes on
loopback, as a manager's cluster would be, only smaller; the experiment is a
comparison with an uncertain assumption, so seeds, pairing and sampled
assumptions all have to travel correctly.
"""

from __future__ import annotations

import pandas as pd
from distributed import Client, LocalCluster

from simulation import preset
from simulation.experiment import compare

SMALL = {"run.years": 1, "accounts.initial_customers": 40, "market.inbound_leads_per_month": 6.0}


def _experiment(**where):
    a, b = preset("honest_promise").replace(SMALL), preset("over_promise").replace(SMALL)
    return compare(a, b, 3, seed=42, uncertain={"satisfaction.base_grade": (6.5, 7.5)}, **where)


def test_dask_local_cluster_rows_equal_serial_rows():
    serial = _experiment(workers=1)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster, Client(cluster) as client:
        on_cluster = _experiment(executor=client.get_executor(), chunk_size=2)
        workers_used = len(client.scheduler_info()["workers"])
    assert workers_used == 2
    pd.testing.assert_frame_equal(on_cluster.runs, serial.runs, check_exact=True)
    pd.testing.assert_frame_equal(on_cluster.monthly, serial.monthly, check_exact=True)
    pd.testing.assert_frame_equal(on_cluster.differences(), serial.differences(), check_exact=True)
