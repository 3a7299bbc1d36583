"""Three-way merge of a replicated document's revisions against the last synced version (#12).

CouchDB picks the same winning revision on every device and keeps the others as conflicts; it
never merges. Here a losing revision is merged into the winner field by field against `base`,
the body both last agreed on:
- a field changed on one side only takes that side's value;
- a field changed on both sides to different values is a `Conflict`: the winner's value stands
  until a person chooses (every device shows the same one meanwhile);
- objects (`custom`: field → value) merge key by key, the same way;
- set fields (tags, team) merge by additions and removals, so two devices each adding a tag
  both keep theirs;
- keyed lists (emails, phones: objects with a key such as the address) merge item by item;
- a revision deleted on one side and edited on the other keeps the edit and says so: nothing a
  person typed disappears without a word.
The merge is pure and symmetric: swapping winner and loser swaps the sides of each conflict and
changes nothing else but which value stands. No I/O.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

Body = dict[str, Any]
Path = tuple[str, ...]
_ABSENT: Any = object()   # a field one revision does not have at all


@dataclass(frozen=True)
class Shape:
    """How a document type's fields merge, beyond scalars and objects."""
    sets: frozenset[str] = frozenset()                           # lists compared as sets
    keyed: Mapping[str, str] = field(default_factory=dict)       # list field → its items' key


@dataclass(frozen=True)
class Conflict:
    """The same field changed on both sides: `path` into the body, and both values
    (`_ABSENT` is reported as None: a field one side removed)."""
    path: Path
    winner: Any
    loser: Any


SCALARS = Shape()               # a document of scalars and objects only
DELETED: Path = ("_deleted",)   # the path of a "deleted on one side, edited on the other" conflict


@dataclass(frozen=True)
class Merged:
    body: Body | None            # None: the document stays deleted
    conflicts: tuple[Conflict, ...] = ()


def merge(base: Body | None, winner: Body | None, loser: Body | None, shape: Shape = SCALARS) -> Merged:
    """Merge `loser` into `winner` against `base` (None: never synced, or deleted)."""
    if winner is None or loser is None:
        return _with_deletion(base, winner, loser)
    conflicts: list[Conflict] = []
    body = _merge_object(base or {}, winner, loser, (), shape, conflicts)
    return Merged(body, tuple(conflicts))


def _with_deletion(base: Body | None, winner: Body | None, loser: Body | None) -> Merged:
    """One side (or both) deleted it: it stays deleted unless the other side changed it since."""
    kept = winner if winner is not None else loser
    if kept is None or kept == base:
        return Merged(None)
    return Merged(kept, (Conflict(DELETED, winner is None, loser is None),))


def _merge_object(base: Mapping[str, Any], winner: Mapping[str, Any], loser: Mapping[str, Any],
                  path: Path, shape: Shape, conflicts: list[Conflict]) -> Body:
    body: Body = {}
    for key in _keys(winner, loser, base):
        value = _merge_value(base.get(key, _ABSENT), winner.get(key, _ABSENT), loser.get(key, _ABSENT),
                             (*path, key), shape, conflicts)
        if value is not _ABSENT:
            body[key] = value
    return body


def _keys(*objects: Mapping[str, Any]) -> list[str]:
    """Every key once, the winner's order first: what a person sees keeps its place."""
    return list(dict.fromkeys(key for obj in objects for key in obj))


def _merge_value(base: Any, winner: Any, loser: Any, path: Path, shape: Shape,
                 conflicts: list[Conflict]) -> Any:
    if winner == loser:
        return winner
    if loser == base:
        return winner
    if winner == base:
        return loser
    top = path[0] if len(path) == 1 else None
    if top in shape.sets and _all_lists(base, winner, loser):
        return _merge_set(base, winner, loser)
    if top in shape.keyed and _all_lists(base, winner, loser):
        return _merge_keyed(base, winner, loser, shape.keyed[top], path, shape, conflicts)
    if _all_objects(base, winner, loser):
        return _merge_object(_object_or_empty(base), winner, loser, path, shape, conflicts)
    conflicts.append(Conflict(path, _reported(winner), _reported(loser)))
    return winner


def _all_lists(base: Any, winner: Any, loser: Any) -> bool:
    """Both sides hold a list (a field one side dropped whole is a conflict, like a scalar)."""
    return isinstance(winner, list) and isinstance(loser, list) and (base is _ABSENT or isinstance(base, list))


def _all_objects(base: Any, winner: Any, loser: Any) -> bool:
    return isinstance(winner, dict) and isinstance(loser, dict) and (base is _ABSENT or isinstance(base, dict))


def _object_or_empty(value: Any) -> Mapping[str, Any]:
    return {} if value is _ABSENT else value


def _reported(value: Any) -> Any:
    return None if value is _ABSENT else value


def _merge_set(base: Any, winner: list[Any], loser: list[Any]) -> list[Any]:
    """Additions and removals of both sides; in the winner's order, the loser's additions after."""
    before = set(base) if isinstance(base, list) else set()
    removed = (before - set(winner)) | (before - set(loser))
    kept = [item for item in winner if item not in removed]
    return kept + [item for item in loser if item not in before and item not in kept]


def _merge_keyed(base: Any, winner: list[Any], loser: list[Any], key: str, path: Path, shape: Shape,
                 conflicts: list[Conflict]) -> list[Any]:
    """Items merged one by one by their `key` (an email's address), like an object's fields."""
    def by_key(items: Any) -> dict[str, Any]:
        return {str(item[key]): item for item in items} if isinstance(items, list) else {}
    merged = _merge_object(by_key(base), by_key(winner), by_key(loser), path, SCALARS, conflicts)
    return list(merged.values())


def resolve(body: Body, path: Path, value: Any) -> Body:
    """`body` with the value a person chose for the field at `path` (None removes it)."""
    if not path:
        raise ValueError("a field's path is needed")
    head, *rest = path
    chosen = dict(body)
    if rest:
        chosen[head] = resolve(chosen.get(head) or {}, tuple(rest), value)
    elif value is None:
        chosen.pop(head, None)
    else:
        chosen[head] = value
    return chosen
