"""Long work in steps: progress is counted, the result comes back, Cancel stops the work."""

from app.services.steps import Progress, chunks, run_all


def work(items, done=None):
    done = [] if done is None else done
    try:
        for part in chunks(items, 2):
            done.extend(part)
            yield Progress("work.test", len(done), len(items))
        return sum(done)
    finally:
        done.clear()   # what a cancelled step undoes


def test_run_all_returns_the_result_and_reports_each_step():
    seen = []
    assert run_all(work([1, 2, 3, 4, 5]), seen.append) == 15
    assert [p.percent for p in seen] == [40, 80, 100]


def test_closing_the_steps_runs_their_clean_up():
    done = []
    steps = work([1, 2, 3, 4], done)
    assert next(steps).percent == 50 and done == [1, 2]
    steps.close()
    assert done == []


def test_unknown_total_is_zero_percent():
    assert Progress("work.test").percent == 0
