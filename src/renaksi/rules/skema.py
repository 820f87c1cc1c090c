"""Schema rules (``SC``, ``skema.*``): the shape and types of each plan file.

The pydantic models in :mod:`renaksi.plan.model` define the shape; :mod:`renaksi.plan.validation`
turns pydantic's errors into located findings of these rules, one code per kind of mistake.

How a YAML number was written is gone once it is a float (``1e-400`` is 0.0, ``4.800`` is
4.8), so SC08 and SC09 also read the text of every YAML float that a quantity field gets,
at its place in the file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from renaksi.plan import load_findings as found
from renaksi.plan.file import KeyPath, PlanFile
from renaksi.plan.findings import Severity
from renaksi.plan.folder import Plan
from renaksi.plan.model import quantity_places
from renaksi.plan.values import PlanValueError, check_written, parse_quantity, two_readings
from renaksi.rules import walk
from renaksi.rules.base import Context, Finding, declare, place, rule
from renaksi.text import formats

#: A plain YAML scalar as it starts at its place: up to a space, a flow mark or a comment.
_SCALAR = re.compile(r"[^\s,\]\}#]+")

UNKNOWN_KEY = declare(
    found.UNKNOWN_KEY,
    "Kunci yang tidak dikenal di tempat itu.",
    """
    Setiap jenis berkas punya daftar kunci yang tetap (lihat ``renaksi schema`` dan
    README). Kunci lain, biasanya salah ketik (``pgu:`` untuk ``pagu:``), ditolak dan
    renaksi menyarankan kunci terdekat yang dikenal, supaya nilai tidak diabaikan diam-diam.

    Bila satu-satunya kesalahan skema sebuah berkas adalah kunci salah ketik yang punya
    saran, aturan lain tetap memeriksa berkas itu seolah kuncinya ditulis seperti sarannya,
    jadi temuan lain di berkas itu (dan pemeriksaan antar-berkas) muncul di putaran yang
    sama. Temuan di tempat kunci yang ditebak itu tidak dilaporkan, karena tebakannya bisa
    salah. Kunci tanpa saran, atau kesalahan skema lain, membuat berkasnya tidak diperiksa
    aturan lain sampai diperbaiki: membuang nilai yang tidak terbaca bisa melahirkan temuan
    palsu.
    """,
)


def _owner_missing(ctx: Context) -> Iterator[Finding]:
    # The model cannot know whether the folder has bidang files; the sub kegiatan and
    # outputs of a Perjanjian Kinerja alone belong to none. An APBN kegiatan that carries
    # its own pagu is BG05's, which names everything such a kegiatan lacks at once.
    if ctx.plan.pk_only:
        return
    for unit in ctx.units():
        if unit.item.bidang is None and unit.item.level != "kegiatan":
            yield ctx.finding(unit.doc, unit.path, "kunci wajib {key} tidak ada", key="bidang")


MISSING_KEY = declare(
    found.MISSING_KEY,
    "Kunci wajib tidak ada.",
    """
    Beberapa kunci wajib ada, mis. ``pagu`` pada setiap sub kegiatan dan output, dan
    ``bidang`` bila folder punya berkas bidang (folder yang hanya berisi Perjanjian
    Kinerja tidak punya bidang). Penandatangan punya satu identitas: ``nip`` (ASN), ``nrp``
    (TNI/Polri) atau ``identitas: pejabat negara``; tanpa satu pun, NIP yang lupa ditulis
    tidak pernah dianggap tidak ada. Fakta yang memang tidak dicantumkan dokumen ditulis
    ``tidak tercantum`` (lihat TC01), bukan dihapus kuncinya. Lokasi menunjuk pemetaan yang
    kekurangan kunci tersebut.
    """,
    _owner_missing,
)

WRONG_TYPE = declare(
    found.WRONG_TYPE,
    "Nilai berjenis salah (teks di tempat angka, daftar di tempat teks, ...).",
    """
    Nilai harus berjenis yang diharapkan: angka untuk target (atau nilai skala dan
    distribusi, yang diperiksa TG05), daftar untuk ``bulan``, pemetaan untuk
    ``penandatangan``, ``true``/``false`` untuk ``plt``. Angka yang ditulis dalam bentuk
    yang tidak terbaca adalah SC08 (rupiah: SC04).
    """,
)

MONEY = declare(
    found.MONEY,
    "Pagu bukan rupiah bulat yang jelas.",
    """
    Pagu adalah bilangan bulat rupiah: ``2_718_270_000`` (angka YAML) atau teks format
    Indonesia ``"2.718.270.000"`` / ``"Rp 2.718.270.000"``. Ditolak: pecahan (``1.85`` tanpa
    tanda kutip terbaca sebagai satu koma delapan lima), pemisah ribuan koma
    (``"2,718,270,000"``), nilai negatif, dan nilai yang tidak masuk akal besarnya. Sen nol
    seperti cetakan DIPA dan SIPD (``"966.661.000,00"``) diterima; sen bukan nol
    (``"1.000,50"``) ditolak dengan menyebut sennya, karena rupiah dicatat bulat dan
    membulatkannya berarti mengarang angka.
    """,
)

DATE = declare(
    found.DATE,
    "Tanggal tidak dapat dibaca atau tidak ada di kalender.",
    """
    Tanggal ditulis ``2024-01-02`` atau ``"2 Januari 2024"``. Tanggal yang tidak ada
    (``2024-02-30``) atau bentuk lain ditolak.
    """,
)

BAD_VALUE = declare(
    found.BAD_VALUE,
    "Nilai tidak termasuk pilihan atau format yang diizinkan.",
    """
    Beberapa kunci hanya menerima pilihan tertentu (``cara_gabung``: jumlah, kumulatif,
    tetap; ``arah``: naik, turun) atau format tertentu (pengenal ``id`` dan slug bidang:
    huruf, angka, tanda hubung; teks tidak boleh kosong; tahun empat digit). Skala kategori
    ``pemantauan.skala`` ditulis dari batas bawah tertinggi ke terendah dan berakhir di 0.
    """,
)

LIST_LENGTH = declare(
    found.LIST_LENGTH,
    "Daftar terlalu pendek atau terlalu panjang.",
    """
    Target triwulan, bila ditulis, selalu empat nilai (I, II, III, IV); dokumen yang hanya
    memuat target tahunan tidak menulis ``triwulan`` sama sekali. Daftar program, kegiatan,
    sub kegiatan dan output, bila ditulis, tidak boleh kosong (yang tidak ada tidak ditulis:
    kegiatan APBN tanpa output tidak menulis ``output: []``).
    """,
)


def written_numbers(plan: Plan) -> Iterator[tuple[PlanFile, KeyPath, str]]:
    """Every YAML float that a quantity field of a plan file gets, with its text as written,
    when the value itself was read (what the loader refused, it has reported)."""
    for doc, model in walk.documents(plan):
        for path, raw in quantity_places(model, doc.root):
            if not isinstance(raw, float):
                continue
            try:
                parse_quantity(raw)
            except PlanValueError:
                continue
            literal = _literal(doc, path)
            if literal is not None and _same_float(literal, raw):
                yield doc, path, literal


def _literal(doc: PlanFile, path: KeyPath) -> str | None:
    line, column = place(doc, path)
    match = _SCALAR.match(doc.line_text(line), column - 1)
    return match.group() if match else None


def _same_float(literal: str, raw: float) -> bool:
    # Guards against reading the wrong text (a value placed oddly): only a literal that is
    # this very float is judged.
    try:
        return float(literal.replace("_", "")) == raw
    except ValueError:
        return False


def _written_clearly(ctx: Context) -> Iterator[Finding]:
    for doc, path, literal in ctx.shared("written_numbers", written_numbers):
        try:
            check_written(literal, float(literal.replace("_", "")))
        except PlanValueError as exc:
            yield Finding(ctx.at(doc, path), exc.message, exc.args_)


NUMBER = declare(
    found.NUMBER,
    "Angka (target, realisasi, batas skala) bukan angka desimal yang jelas.",
    """
    Setiap angka selain rupiah (target tahunan dan triwulan, realisasi, jumlah keluaran,
    batas skala, ambang penjelasan) dibaca dengan satu tata bahasa dan satu batas: angka
    YAML desimal biasa (``29.17``, ``1_200``) atau teks Indonesia (``"29,17%"``,
    ``"1.200"``), besarnya kurang dari 1.000.000.000.000.000. Ditolak, dengan alasan yang
    sama seperti pada pagu (SC04): angka heksadesimal, oktal atau biner (``0x10``,
    ``0o17``); angka dengan eksponen (``1e5``; ``1e-400`` terbaca 0); angka YAML yang
    angkanya lebih banyak daripada yang dapat disimpan persis (lebih dari 15 angka:
    ``0.1000000000000000000001`` terbaca 0,1; tulis sebagai teks
    ``"0,1000000000000000000001"``); teks yang bukan angka Indonesia (``"2.5"``: tulis
    ``2.5`` atau ``"2,5"``); dan angka yang terlalu besar untuk masuk akal. Angka YAML
    dibaca dari teks berkasnya, karena pecahan YAML sudah kehilangan cara penulisannya.
    """,
    _written_clearly,
)


@rule("SC09", "skema.angka-dua-arti", Severity.WARNING, "Angka YAML yang terbaca dua cara.")
def two_ways(ctx: Context) -> Iterator[Finding]:
    """
    Angka YAML tanpa tanda kutip dengan tepat tiga angka di belakang titik, seperti
    ``target: 4.800``, dibaca YAML sebagai empat koma delapan, padahal di Indonesia titik
    adalah pemisah ribuan: empat ribu delapan ratus, seperti ``"1.200 orang"`` di sebelahnya.
    renaksi membacanya cara YAML (4,8) dan memperingatkan. Tulis ``4.8`` atau ``"4,8"``
    untuk 4,8, dan ``4800`` atau ``"4.800"`` untuk empat ribu delapan ratus. Hanya angka
    yang memang dapat dibaca sebagai ribuan (satu sampai tiga angka sebelum titik, tanpa
    nol di depan) yang diperingatkan: ``0.125`` dan ``12.5`` terbaca satu cara saja.
    """
    for doc, path, literal in ctx.shared("written_numbers", written_numbers):
        readings = two_readings(literal)
        if readings is None:
            continue
        decimal, thousands = readings
        decimal_yaml = _plain(decimal)
        yield ctx.finding(
            doc,
            path,
            "angka {found} tanpa tanda kutip dapat dibaca dua cara: {decimal} atau "
            "{thousands}? renaksi membacanya {decimal}; tulis {decimal_yaml} atau "
            '"{decimal_text}" untuk {decimal}, dan {thousands_yaml} atau "{thousands_text}" '
            "untuk {thousands}",
            found=literal,
            decimal=decimal.normalize(),
            thousands=thousands,
            decimal_yaml=decimal_yaml,
            decimal_text=formats.number(decimal.normalize()),
            thousands_yaml=_plain(thousands),
            thousands_text=formats.number(thousands),
        )


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f")


RULES = (
    UNKNOWN_KEY,
    MISSING_KEY,
    WRONG_TYPE,
    MONEY,
    DATE,
    BAD_VALUE,
    LIST_LENGTH,
    NUMBER,
    two_ways,
)
