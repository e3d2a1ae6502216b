"""Run a resolved entente scenario in the Mesa port and write pairs.csv.

    python3 run.py CONFIG.json OUT.csv [--random alea|mesa] [--numbers entente|printf]

CONFIG.json is what `node dist/bench/peers/export.js SCENARIO CONFIG.json` writes.
--random alea (the default) feeds each replication entente's own stream (the same seed, the
same numbers), so the port's pairs.csv can be checked against entente's; --random mesa uses
Mesa's seeded `model.random`, as a Mesa user would. --numbers entente writes numbers exactly
as entente does; printf writes "%.7g", the same digits, as a pandas user would.
"""

import argparse
import json
import sys

import pandas as pd

from alea import Alea, derive_seed
from model import PAIR_VALUES, EntenteModel
from entente_numbers import format_number

COLUMNS = ["replication", "seed", "tick", "a", "b", *PAIR_VALUES]


def run(spec: dict, random: str) -> pd.DataFrame:
    cfg = spec["config"]
    frames = []
    for r in range(spec["replications"]):
        seed = derive_seed(spec["seed"], 0, r)
        if random == "alea":
            model = EntenteModel(cfg, random_stream=Alea(seed), seed=seed)
        else:
            model = EntenteModel(cfg, seed=seed)
        for _ in range(cfg["ticks"]):
            model.step()
        frame = model.datacollector.get_table_dataframe("pairs")
        frame.insert(0, "replication", r)
        frame.insert(1, "seed", seed)
        frames.append(frame)
    return pd.concat(frames, ignore_index=True)[COLUMNS]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("config")
    parser.add_argument("out")
    parser.add_argument("--random", choices=["alea", "mesa"], default="alea")
    parser.add_argument("--numbers", choices=["entente", "printf"], default="entente")
    args = parser.parse_args()
    with open(args.config) as f:
        spec = json.load(f)
    pairs = run(spec, args.random)
    float_format = format_number if args.numbers == "entente" else "%.7g"
    pairs.to_csv(args.out, index=False, float_format=float_format, lineterminator="\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
