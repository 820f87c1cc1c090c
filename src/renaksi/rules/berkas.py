"""File rules (``FL``, ``berkas.*``): the files a plan folder must have, and the ones it ignores.

Reported by the loader (:mod:`renaksi.plan.load`) while it reads the folder; their identities
are in :mod:`renaksi.plan.load_findings`.
"""

from __future__ import annotations

from renaksi.plan import load_findings as found
from renaksi.rules.base import declare

MISSING_FILE = declare(
    found.MISSING_FILE,
    "Berkas wajib folder rencana tidak ada.",
    """
    Folder rencana (mis. ``plans/2024``) harus berisi ``instansi.yaml``,
    ``perjanjian-kinerja.yaml`` dan paling sedikit satu berkas ``bidang/<slug>.yaml``.
    Tanpa salah satunya rencana tidak dapat diperiksa utuh.

    Folder tanpa folder ``bidang/`` sama sekali adalah Perjanjian Kinerja saja (tanpa
    rencana aksi): cukup ``instansi.yaml`` dan ``perjanjian-kinerja.yaml``, dan dicetak
    sebagai Perjanjian Kinerja. Folder ``bidang/`` yang ada tetapi tanpa berkas bidang
    tetap dilaporkan.
    """,
)

IGNORED_FILE = declare(
    found.IGNORED_FILE,
    "Berkas di folder bidang/ atau realisasi/ yang tidak dibaca.",
    """
    Hanya berkas berakhiran ``.yaml`` di ``bidang/`` yang dibaca. Berkas ``.yml`` atau
    nama yang bukan slug (huruf kecil, angka, tanda hubung) diabaikan, dan itu hampir selalu
    tidak disengaja: ganti namanya menjadi ``bidang/<slug>.yaml``.

    Di ``realisasi/`` hanya ``tw1.yaml`` sampai ``tw4.yaml`` yang dibaca (berkas ``.md``
    boleh ada sebagai catatan); nama lain, mis. ``triwulan-1.yaml``, diabaikan.
    """,
)

RULES = (MISSING_FILE, IGNORED_FILE)
