"""Every command group ships with dtrack: a missing one is an error, never a silently absent command."""

from __future__ import annotations

import pytest

from tracker.cli import main as cli


def test_every_feature_module_registers_its_commands():
    parser = cli.build_parser()
    commands = parser._subparsers._group_actions[0].choices
    for expected in ("export", "import", "report", "sync", "self-test"):
        assert expected in commands, f"dtrack lost its {expected!r} command"


def test_a_missing_command_module_is_an_error(monkeypatch):
    monkeypatch.setattr(cli, "FEATURE_MODULES", cli.FEATURE_MODULES + ("tracker.cli.no_such_group",))
    with pytest.raises(ModuleNotFoundError, match="tracker.cli.no_such_group"):
        cli.build_parser()
