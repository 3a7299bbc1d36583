"""The save loop: what it stores, when it says "Saved", what other tabs are told, when it checkpoints."""

import asyncio
import inspect

import pytest

from app.platform.saving import ABANDONED_S, CHECKPOINT_BYTES, Claim, SaveLoop, should_checkpoint


class FakeFiles:
    """IndexedDB as a list of stored generations; a save can be held half way to play a slow one."""

    def __init__(self, shared):
        self.shared = shared
        self.stored: list[int] = []
        self.believed: list[int] = []   # what every tab took as stored when each save began
        self.wal = 0
        self.checkpoints = 0
        self.gate: asyncio.Event | None = None
        self.started = asyncio.Event()
        self.fail = False

    async def store(self, generation):
        self.believed.append(self.shared.saved())
        self.started.set()
        if self.gate is not None:
            await self.gate.wait()
        if self.fail:
            raise OSError("QuotaExceededError")
        self.stored.append(generation)

    def wal_bytes(self):
        return self.wal

    def checkpoint(self):
        self.checkpoints += 1
        self.wal = 0


class FakeShared:
    def __init__(self):
        self._claim, self._saved = Claim(0, 0.0), 0

    def claim(self):
        return self._claim

    def set_claim(self, claim):
        self._claim = claim

    def saved(self):
        return self._saved

    def set_saved(self, generation):
        self._saved = generation


class Tab:
    def __init__(self, shared=None, now=1000.0):
        self.shared, self.told, self.states = shared or FakeShared(), [], []
        self.files = FakeFiles(self.shared)
        self.now = now
        self.loop = SaveLoop(self.files, self.shared, self.told.append, clock=lambda: self.now, debounce=0)
        self.loop.on_state = lambda state, _detail: self.states.append(state)


def run(coroutine):
    return asyncio.run(coroutine)


def in_loop(action):
    """Call `action` inside a running event loop (as the browser's is), then let its saves finish."""
    async def body():
        result = action()
        if inspect.isawaitable(result):
            await result
        await asyncio.sleep(0.01)
        return result
    return asyncio.run(body())


def test_a_commit_during_a_slow_save_is_saved_before_saved_is_shown():
    async def scenario():
        tab = Tab()
        tab.files.gate = asyncio.Event()
        tab.loop.committed()
        done = tab.loop.save_soon(0)
        await tab.files.started.wait()            # the save of generation 1 is on its way
        tab.loop.committed()                      # generation 2 lands meanwhile
        assert tab.shared.saved() == 0 and tab.told == []   # nothing stored yet, whatever was claimed
        tab.files.gate.set()
        await done
        return tab
    tab = run(scenario())
    assert tab.files.stored == [1, 2]
    assert tab.files.believed == [0, 1]   # while 2 was on its way, only 1 counted as stored
    assert tab.shared.saved() == 2 and tab.told == [2] and tab.states == ["saving", "saved"]
    assert not tab.loop.pending


def test_a_tab_closed_during_the_save_leaves_the_claim_apart_from_what_is_stored():
    async def scenario():
        tab = Tab()
        tab.files.gate = asyncio.Event()
        tab.loop.committed()
        tab.loop.save_soon(0)
        await tab.files.started.wait()
        tab.loop.committed()
        return tab
    tab = run(scenario())              # the page goes away: the first save never finished
    assert tab.loop.pending            # so leaving asks first
    assert tab.shared.claim().generation == 2 and tab.shared.saved() == 0
    other = Tab(tab.shared, now=tab.now + 1)
    other.loop.loaded(0)               # reloading takes what is stored, not what was claimed
    assert other.loop.generation == 0 and not other.loop.may_write()   # the claim may still be saved
    other.now += ABANDONED_S + 1
    assert other.loop.may_write()      # nobody is saving it any more: this tab may go on
    in_loop(other.loop.committed)
    assert other.loop.generation == 3 and other.shared.saved() == 3  # past the abandoned claim: no other tab mistakes it for theirs


def test_a_tab_behind_what_another_stored_may_not_write():
    shared = FakeShared()
    ahead, behind = Tab(shared), Tab(shared)
    ahead.loop.loaded(0), behind.loop.loaded(0)
    ahead.files.gate = asyncio.Event()
    in_loop(ahead.loop.committed)
    assert not behind.loop.may_write()          # claimed by the other tab, its save on the way
    ahead.files.gate.set()
    in_loop(lambda: ahead.loop.save_soon(0))
    assert not behind.loop.may_write()          # stored by the other tab: reload first
    behind.loop.loaded(shared.saved())
    assert behind.loop.may_write() and ahead.loop.may_write()


def test_a_copy_stored_without_telling_the_others_raises_the_shared_count_when_loaded():
    tab = Tab()
    tab.loop.loaded(7)
    assert tab.shared.saved() == 7


def test_a_failed_save_says_so_and_keeps_the_change_until_retried():
    tab = Tab()
    tab.files.fail = True
    in_loop(tab.loop.committed)
    assert tab.states[-1] == "failed" and tab.loop.pending and tab.shared.saved() == 0 and tab.told == []
    tab.files.fail = False
    in_loop(lambda: tab.loop.save_soon(0))
    assert tab.states[-1] == "saved" and not tab.loop.pending and tab.told == [1]


MB = 1024 * 1024


@pytest.mark.parametrize(("wal", "grown", "idle", "expected"), [
    (0, 0, False, False), (CHECKPOINT_BYTES - 1, 0, False, False), (CHECKPOINT_BYTES, 0, False, True),
    (2 * MB, MB, False, True), (2 * MB, MB // 2, False, False),
    (200 * 1024, 0, True, False), (300 * 1024, 0, True, True), (300 * 1024, 0, False, False),
])
def test_checkpoint_policy(wal, grown, idle, expected):
    assert should_checkpoint(wal, grown, idle) is expected


def test_bulk_work_is_checkpointed_with_its_save_and_small_edits_are_not():
    tab = Tab()
    tab.files.wal = 2 * MB          # e.g. the demo firm just written
    in_loop(tab.loop.committed)
    assert tab.files.checkpoints == 1
    tab.files.wal = 8 * 1024        # one edit
    in_loop(tab.loop.committed)
    assert tab.files.checkpoints == 1 and tab.files.stored == [1, 2]


def test_a_big_wal_is_checkpointed_before_the_save_but_never_on_the_way_out():
    tab = Tab()
    tab.files.wal = CHECKPOINT_BYTES + 1
    tab.loop.generation = 1    # a commit the debounce has not saved yet when the page goes
    in_loop(lambda: tab.loop.save_soon(0, checkpoint=False))   # pagehide: the page may be gone mid-save
    assert tab.files.checkpoints == 0 and tab.files.stored == [1]
    in_loop(tab.loop.committed)
    assert tab.files.checkpoints == 1 and tab.files.stored == [1, 2]


def test_an_idle_page_folds_a_middling_wal_in_and_saves_it():
    tab = Tab()
    in_loop(tab.loop.committed)
    tab.files.wal = 300 * 1024
    in_loop(tab.loop.checkpoint_if_idle)
    assert tab.files.checkpoints == 1 and tab.files.stored == [1, 1] and tab.states[-1] == "saved"
    tab.files.wal = 100 * 1024
    in_loop(tab.loop.checkpoint_if_idle)
    assert tab.files.checkpoints == 1


def test_a_page_that_goes_away_mid_save_lets_its_claim_go_so_its_reload_may_write():
    async def scenario():
        tab = Tab()
        tab.files.gate = asyncio.Event()   # the save never gets through: the page is going
        tab.loop.committed()
        await tab.files.started.wait()
        tab.loop.leaving()
        return tab
    tab = run(scenario())
    assert tab.files.checkpoints == 0
    reloaded = Tab(tab.shared, now=tab.now + 1)
    reloaded.loop.loaded(0)
    assert reloaded.loop.may_write()   # the demo firm, say, is written again at once
