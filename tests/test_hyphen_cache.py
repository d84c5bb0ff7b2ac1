"""pyphen's parsed dictionaries are kept on disk and hyphenate exactly as pyphen does."""

from __future__ import annotations

import functools
import json
import os
import tempfile
import time
from pathlib import Path

import pyphen
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import hyphen_cache, hyphenate

CODE = "nb_NO"


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh cache folder, and pyphen and mtreport forgetting what they parsed."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    forget()
    yield tmp_path / "mtreport"
    forget()


def forget() -> None:
    pyphen.hdcache.pop(pyphen.LANGUAGES[CODE], None)
    hyphenate._dictionary.cache_clear()
    hyphenate.hyphenate_word.cache_clear()
    hyphenate._token.cache_clear()


def test_the_first_run_saves_the_patterns_and_the_next_restores_them(cache_home: Path):
    hyphen_cache.preload(CODE)
    saved = cache_home / f"hyphen-{CODE}.json"
    assert saved.is_file()
    parsed = pyphen.hdcache[pyphen.LANGUAGES[CODE]]
    assert type(parsed) is pyphen.HyphDict
    forget()
    hyphen_cache.preload(CODE)
    restored = pyphen.hdcache[pyphen.LANGUAGES[CODE]]
    assert restored is not parsed
    assert {k: (start, tuple(values)) for k, (start, values) in restored.patterns.items()} \
        == parsed.patterns
    assert restored.maxlen == parsed.maxlen


@pytest.mark.parametrize("content", ["", "{not json", '{"stamp": [], "patterns": {}}',
                                     '{"stamp": 1}', "[]", "{}\n{}", "null\nnull"])
def test_a_broken_or_stale_cache_is_parsed_again_and_replaced(cache_home: Path, content):
    cache_home.mkdir(parents=True)
    saved = cache_home / f"hyphen-{CODE}.json"
    saved.write_text(content, encoding="utf-8")
    assert hyphenate.hyphenate_word("musikkterapitilbudet", "nb") == \
        "mu\xadsikk\xadte\xadrapi\xadtil\xadbu\xaddet"
    header = saved.read_text(encoding="utf-8").partition("\n")[0]
    assert json.loads(header)["stamp"][0] == hyphen_cache.FORMAT


def test_a_cache_changed_after_it_was_written_is_not_trusted(cache_home: Path):
    hyphen_cache.preload(CODE)
    saved = cache_home / f"hyphen-{CODE}.json"
    saved.write_text(saved.read_text(encoding="utf-8").replace("[", "[9", 1), encoding="utf-8")
    stamp = hyphen_cache._stamp(pyphen.LANGUAGES[CODE])
    assert hyphen_cache._restore(saved, stamp) is None


def test_an_unwritable_cache_folder_only_costs_time(cache_home: Path):
    cache_home.parent.mkdir(parents=True, exist_ok=True)
    cache_home.write_text("a file where the folder should be", encoding="utf-8")
    assert hyphenate.hyphenate_word("kompetansesenteret", "nb") == \
        pyphen.Pyphen(lang=CODE, left=hyphenate.LEFT, right=hyphenate.RIGHT).inserted(
            "kompetansesenteret", hyphen="\xad")


def test_a_save_sweeps_what_killed_saves_left_and_spares_a_running_one(cache_home: Path):
    cache_home.mkdir(parents=True)
    killed = cache_home / "hyphen-saving-abc123.tmp"
    running = cache_home / "hyphen-saving-def456.tmp"
    someone_elses = cache_home / "notes.tmp"
    for path in (killed, running, someone_elses):
        path.write_text("{", encoding="utf-8")
    an_hour_ago = time.time() - 3600
    for path in (killed, someone_elses):
        os.utime(path, (an_hour_ago, an_hour_ago))
    hyphen_cache.preload(CODE)
    assert not killed.exists()
    assert running.exists() and someone_elses.exists()
    assert (cache_home / f"hyphen-{CODE}.json").is_file()
    assert not [p for p in cache_home.glob("hyphen-saving-*.tmp") if p != running]


def test_without_a_home_folder_pyphen_parses_as_before(monkeypatch: pytest.MonkeyPatch):
    forget()
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)

    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(Path, "home", staticmethod(no_home))
    try:
        assert hyphenate.hyphenate_word("kompetansesenteret", "nb").count("\xad") >= 3
    finally:
        forget()


@functools.cache
def round_trip() -> tuple[pyphen.HyphDict, pyphen.HyphDict]:
    """pyphen's own parse of the dictionary, and the same saved and restored."""
    fresh = pyphen.HyphDict(pyphen.LANGUAGES[CODE])
    stamp = hyphen_cache._stamp(pyphen.LANGUAGES[CODE])
    with tempfile.TemporaryDirectory() as folder:
        saved = Path(folder) / "round-trip.json"
        hyphen_cache._save(saved, stamp, fresh)
        restored = hyphen_cache._restore(saved, stamp)
    assert restored is not None
    return fresh, restored


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="abcdefghijklmnoprstuvyæøå", min_size=8, max_size=30),
                min_size=1, max_size=20))
def test_restored_patterns_hyphenate_exactly_as_pyphen(words):
    fresh, restored = round_trip()
    for word in words:
        assert restored.positions(word) == fresh.positions(word)
