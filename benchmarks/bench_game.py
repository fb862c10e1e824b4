"""The classroom game's waits, in seconds: advancing a round, a team's preview, replaying a game, the file's size.

    python benchmarks/bench_game.py                      30 teams × 12 rounds, then 6 teams × 8 rounds
    python benchmarks/bench_game.py --teams 6 --rounds 8 one size only (quick run)

For each size a game is created (every slot a team, the default market), every
team submits decisions each round and the trainer advances; wall time, as the
trainer and the teams wait for it:
- advance: each advance with the game open in one process (its play cached), min/median/max;
- preview (open game): a team's preview from a game opened and replayed in this process (the cached play);
- preview (again): a second preview from that same game object (the first one used up the cached play);
- preview (fresh file): a preview from a freshly opened game file, which replays the log first;
- replay: `Game.open(path).replay()` of the whole game after its last round;
- file size: the game file with its write-ahead log.
Targets: advance ≤ 5 s, preview ≤ 5 s, replay ≤ 60 s. Run it on an otherwise idle machine.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the kit next to this script

from simulation.game.engine import Game  # noqa: E402

TARGETS = {"advance": 5.0, "preview": 5.0, "replay": 60.0}
SIZES = ((30, 12), (6, 8))


def _timed(action) -> tuple[float, object]:
    started = time.perf_counter()
    value = action()
    return time.perf_counter() - started, value


def _decisions(team_index: int, round_number: int) -> dict:
    """Some plausible, varied decisions: every team changes its price and campaigns a little each round."""
    return {"economics.price_level": round(0.9 + 0.02 * ((team_index + round_number) % 10), 2),
            "market.campaign_spend_per_month": 8_000.0 + 1_000.0 * ((team_index * 3 + round_number) % 12),
            "satisfaction.expectation_management": 0.1 * (team_index % 10)}


def measure(teams: int, rounds: int, folder: Path) -> dict[str, object]:
    path = folder / f"bench_{teams}x{rounds}.game"
    game = Game.create(path, {"rounds": rounds, "suppliers": teams}, teams=teams)
    names = game.teams
    advances, submits = [], []
    preview_open = preview_again = preview_fresh = None
    for round_number in range(1, rounds + 1):
        started = time.perf_counter()
        for index, team in enumerate(names):
            game.submit(team, _decisions(index, round_number), round_number=round_number)
        submits.append(time.perf_counter() - started)
        if round_number == rounds:  # previews of the last round, on other Game objects: the game's cache stays
            other = Game.open(path)
            other.replay()
            preview_open, _ = _timed(lambda: other.preview(names[0], _decisions(0, round_number + 1)))
            preview_again, _ = _timed(lambda: other.preview(names[0], _decisions(0, round_number + 2)))
            other.close()
            fresh = Game.open(path)
            preview_fresh, _ = _timed(lambda: fresh.preview(names[-1], _decisions(1, round_number)))
            fresh.close()
            del other, fresh  # their plays would otherwise stay in memory (and in the cycle collector's way)
            gc.collect()
        seconds, _ = _timed(game.advance)
        advances.append(seconds)
        print(f"  {teams}×{rounds}: round {round_number:>2} advanced in {seconds:6.2f} s "
              f"({len(names)} submissions in {submits[-1]:.2f} s)", flush=True)
    game.close()
    replayed = Game.open(path)
    replay, (_, differing) = _timed(replayed.replay)
    replayed.close()
    size = sum(p.stat().st_size for p in (path, path.with_name(path.name + "-wal")) if p.exists())
    return {"teams": teams, "rounds": rounds, "advance": advances, "submit": submits,
            "preview_open": preview_open, "preview_again": preview_again, "preview_fresh": preview_fresh,
            "replay": replay, "differing": differing, "size": size}


def _verdict(seconds: float, target: float) -> str:
    return "ok" if seconds <= target else "OVER"


def report(figures: list[dict[str, object]]) -> None:
    print()
    print(f"{'measure':<44} {'value':>22}  {'target':>8}  verdict")
    for f in figures:
        size = f"{f['teams']} teams × {f['rounds']} rounds"
        advances = f["advance"]
        low, middle, high = min(advances), statistics.median(advances), max(advances)
        rows = [
            ("advance, open game: min/median/max", f"{low:.2f}/{middle:.2f}/{high:.2f} s", "advance", high),
            ("submissions of all teams per round, median", f"{statistics.median(f['submit']):.2f} s", None, 0),
            ("preview, open game (cached play)", f"{f['preview_open']:.2f} s", "preview", f["preview_open"]),
            ("preview, same game again (cache used up)", f"{f['preview_again']:.2f} s", "preview",
             f["preview_again"]),
            ("preview, freshly opened file (replays)", f"{f['preview_fresh']:.2f} s", "preview", f["preview_fresh"]),
            (f"replay of all {f['rounds']} rounds, fresh Game.open", f"{f['replay']:.2f} s", "replay", f["replay"]),
            ("replay: rounds differing from stored", f"{len(f['differing'])}", None, 0),
            ("game file size (with its WAL)", f"{f['size'] / 1e6:.2f} MB", None, 0),
        ]
        print(f"-- {size}")
        for label, value, target, seconds in rows:
            if target is None:
                print(f"  {label:<42} {value:>22}")
            else:
                limit = TARGETS[target]
                print(f"  {label:<42} {value:>22}  {'≤ %g s' % limit:>8}  {_verdict(seconds, limit)}")
    print()
    print("Targets: advance ≤ 5 s (worst round), preview ≤ 5 s, replay ≤ 60 s.")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--teams", type=int, help="teams (= suppliers) of one game to measure")
    parser.add_argument("--rounds", type=int, help="rounds of that game")
    options = parser.parse_args(argv)
    if options.teams is None and options.rounds is None:
        sizes = SIZES
    else:
        sizes = ((options.teams or 6, options.rounds or 8),)
    figures = []
    with tempfile.TemporaryDirectory() as folder:
        for teams, rounds in sizes:
            print(f"== game of {teams} teams × {rounds} rounds ==", flush=True)
            figures.append(measure(teams, rounds, Path(folder)))
    report(figures)


if __name__ == "__main__":
    main()
