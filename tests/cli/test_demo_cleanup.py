"""A demo leaves no workspace behind: the folder it made is removed when it closes; a
folder the agent named is kept."""

from __future__ import annotations

from console.app.runtime import open_demo


def test_the_demo_workspace_is_removed_when_the_demo_closes():
    runtime = open_demo(speed=1000)
    folder = runtime.workspace.path
    runtime.engine.sync_once()
    assert (folder / "posventa.db").exists()
    runtime.close()
    assert not folder.exists()
    runtime.close()  # closing twice (window, then launcher) is harmless


def test_a_demo_in_a_named_folder_is_kept(tmp_path):
    runtime = open_demo(tmp_path / "mine", speed=1000)
    runtime.close()
    assert (tmp_path / "mine" / "posventa.db").exists()
