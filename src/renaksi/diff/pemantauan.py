"""What a change does to how monitoring judges: the capaian scale and the threshold below
which a capaian must be explained (``instansi.yaml: pemantauan``). Pure.

These two change every verdict at once (every category, every RL07 finding), so their
changes weigh :attr:`~renaksi.diff.changes.Weight.VERDICT` and the outputs show them first.
What is compared is the setting in effect (:func:`renaksi.monitoring.state.settings`),
defaults included: writing out the default scale judges nothing differently and is no
change, while deleting a written scale is one (back to the default). ``old_default`` and
``new_default`` say which side is the default, written or not.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from renaksi.diff.changes import Change, ChangeKind, SettingDetail, Weight
from renaksi.monitoring.capaian import DEFAULT_SCALE, DEFAULT_THRESHOLD, Scale
from renaksi.monitoring.state import settings
from renaksi.plan.folder import INSTANSI_FILE, Plan


def _bands(scale: Scale) -> list[tuple[Decimal, str]]:
    return [(band.start, band.name) for band in scale.bands]


def pemantauan_changes(base: Plan, head: Plan) -> Iterator[Change]:
    """The scale and threshold in effect, when they differ between ``base`` and ``head``.

    Only when both revisions have an ``instansi.yaml`` that loaded: a new or unreadable
    file is reported as such, not as a change of settings.
    """
    if base.instansi is None or head.instansi is None:
        return
    old, new = settings(base), settings(head)
    if old.scale != new.scale:
        yield Change(
            ChangeKind.PEMANTAUAN_SKALA,
            Weight.VERDICT,
            None,
            INSTANSI_FILE,
            "pemantauan.skala",
            _bands(old.scale),
            _bands(new.scale),
            SettingDetail(
                old_default=old.scale == DEFAULT_SCALE, new_default=new.scale == DEFAULT_SCALE
            ),
        )
    if old.threshold != new.threshold:
        yield Change(
            ChangeKind.PEMANTAUAN_AMBANG,
            Weight.VERDICT,
            None,
            INSTANSI_FILE,
            "pemantauan.ambang_penjelasan",
            old.threshold,
            new.threshold,
            SettingDetail(
                old_default=old.threshold == DEFAULT_THRESHOLD,
                new_default=new.threshold == DEFAULT_THRESHOLD,
            ),
        )
