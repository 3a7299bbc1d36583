"""Slices of long work are sized by what the last one took."""

from app.services import pace as pace_module
from app.services.pace import Pace


def test_a_slice_grows_gently_and_shrinks_at_once(monkeypatch):
    clock = [0.0]
    monkeypatch.setattr(pace_module.time, "perf_counter", lambda: clock[0])
    pace = Pace(first=100, most=10_000, target=0.01)

    def slice_taking(seconds: float, items: int | None = None) -> int:
        size = pace.start()
        clock[0] += seconds
        pace.done(size if items is None else items)
        return pace.size

    assert slice_taking(0.001) == 200            # 10x too fast: at most twice as many next time
    assert slice_taking(0.001) == 400
    assert slice_taking(0.04) == 100             # 4x too slow: a quarter
    assert slice_taking(0.0) == 200              # no time at all: still only doubled
    assert slice_taking(0.01, items=0) == 200    # nothing done: nothing learnt
    for _ in range(20):
        slice_taking(0.0)
    assert pace.size == 10_000                   # never more than the most
