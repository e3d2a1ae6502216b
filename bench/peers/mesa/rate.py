"""Runs per second of the Mesa port in one process, as Mesa's batch_run would run them.

    python3 rate.py CONFIG.json SECONDS

Runs replications (Mesa's own seeded stream, rows collected by the DataCollector, nothing
written) for at least SECONDS after one warm-up run, and prints `runs seconds`.
"""

import json
import sys
import time

from model import EntenteModel


def one_run(cfg: dict, seed: int) -> None:
    model = EntenteModel(cfg, seed=seed)
    for _ in range(cfg["ticks"]):
        model.step()


def main() -> int:
    with open(sys.argv[1]) as f:
        cfg = json.load(f)["config"]
    budget = float(sys.argv[2])
    one_run(cfg, 0)
    runs = 0
    start = time.perf_counter()
    while time.perf_counter() - start < budget:
        runs += 1
        one_run(cfg, runs)
    print(runs, time.perf_counter() - start)
    return 0


if __name__ == "__main__":
    sys.exit(main())
