import gc

from kg.collector import BUILD_THRESHOLDS, quiet_collector


def test_the_collector_runs_less_often_inside_and_as_before_after():
    before = gc.get_threshold()
    with quiet_collector():
        assert gc.get_threshold() == BUILD_THRESHOLDS
        assert gc.get_freeze_count() > 0  # what existed on entry is out of the collector's passes
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


def test_overlapping_blocks_restore_the_settings_only_when_the_last_one_ends():
    before = gc.get_threshold()
    first, second = quiet_collector(), quiet_collector()
    first.__enter__()
    second.__enter__()
    first.__exit__(None, None, None)
    assert gc.get_threshold() == BUILD_THRESHOLDS  # the second block still runs
    second.__exit__(None, None, None)
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


def test_an_error_inside_still_restores_the_collector():
    before = gc.get_threshold()
    try:
        with quiet_collector():
            raise ValueError("stop")
    except ValueError:
        pass
    assert gc.get_threshold() == before


def test_cyclic_garbage_made_inside_is_still_collected():
    class Node:
        pass

    with quiet_collector():
        node = Node()
        node.self = node  # a cycle only the collector frees
        del node
        assert gc.collect() > 0
