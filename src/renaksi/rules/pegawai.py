"""People rules (``PG``): signatories' NIP is well formed and plausible, pangkat agrees
with golongan, and an NRP is digits of a plausible length.

Checked for the head of the agency (``instansi.yaml: kepala``), the PK's ``pihak_kedua``
and each bidang's ``penandatangan``. A NIP or pangkat written ``tidak tercantum`` is not
checked (TC01 lists it); the NIP rules and the pangkat table are the civil service's, so
they apply to signers with a NIP (written or absent), not to an NRP or a pejabat negara.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from renaksi.plan import pegawai
from renaksi.plan.findings import Severity
from renaksi.plan.model import Pegawai
from renaksi.plan.values import stated
from renaksi.rules import walk
from renaksi.rules.base import Context, Finding, rule

E = Severity.ERROR


def _signatories(ctx: Context) -> Sequence[walk.Placed[Pegawai]]:
    return ctx.shared("signatories", walk.signatories)


def _written(ctx: Context, key: str) -> Iterator[tuple[walk.Placed[Pegawai], str]]:
    """Each signer whose ``key`` (``nip`` or ``nrp``) is written, with its text."""
    for person in _signatories(ctx):
        value = getattr(person.item, key)
        if isinstance(value, str):
            yield person, value


def _nips(ctx: Context) -> Sequence[tuple[walk.Placed[Pegawai], pegawai.NipParts]]:
    """Each signer with a well-formed NIP and its parts, read once for the NIP rules."""
    return ctx.once(
        "nips",
        lambda: tuple(
            (person, parts)
            for person, nip in _written(ctx, "nip")
            if (parts := pegawai.split_nip(nip)) is not None
        ),
    )


@rule(
    "PG01",
    "pegawai.nip-format",
    E,
    "NIP 18 digit, dikelompokkan 8-6-1-3 atau tanpa spasi.",
    aliases=("nip.format",),
)
def nip_format(ctx: Context) -> Iterator[Finding]:
    """
    NIP terdiri dari 18 digit, ditulis ``19690325 199103 2 004`` atau
    ``196903251991032004``. Bentuk lain (kurang digit, titik, pengelompokan lain) ditolak.
    """
    for person, nip in _written(ctx, "nip"):
        if pegawai.split_nip(nip) is not None:
            continue
        digits = sum(ch.isdigit() for ch in nip)
        if digits == 18:
            message = (
                "NIP {nip} berisi 18 digit tetapi penulisannya salah; tulis hanya angkanya, "
                "dikelompokkan dengan spasi: 19690325 199103 2 004"
            )
        else:
            message = (
                "NIP {nip} harus 18 digit, ditemukan {digits} digit; contoh: 19690325 199103 2 004"
            )
        yield ctx.finding(person.doc, (*person.path, "nip"), message, nip=nip, digits=digits)


@rule(
    "PG02",
    "pegawai.nip-tanggal-lahir",
    E,
    "Delapan digit pertama NIP adalah tanggal lahir yang ada.",
    aliases=("nip.tanggal-lahir",),
)
def nip_birth(ctx: Context) -> Iterator[Finding]:
    """Digit 1-8 NIP adalah tanggal lahir ``YYYYMMDD`` dan harus tanggal yang ada."""
    for person, parts in _nips(ctx):
        if pegawai.birth_date(parts) is None:
            yield ctx.finding(
                person.doc,
                (*person.path, "nip"),
                "tanggal lahir dalam NIP {birth} bukan tanggal yang ada (format YYYYMMDD)",
                birth=parts.birth,
            )


@rule("PG03", "pegawai.nip-tmt", E, "TMT CPNS dalam NIP masuk akal.", aliases=("nip.tmt",))
def nip_tmt(ctx: Context) -> Iterator[Finding]:
    """
    Digit 9-14 NIP adalah TMT CPNS ``YYYYMM``: bulannya 01-12, paling cepat 18 tahun
    setelah tanggal lahir, dan tidak sesudah tahun rencana (penandatangan sudah PNS).
    """
    plan_year = walk.plan_year(ctx.plan)
    for person, parts in _nips(ctx):
        year, month = int(parts.tmt[:4]), int(parts.tmt[4:])
        born = pegawai.birth_date(parts)
        if not 1 <= month <= 12:
            yield ctx.finding(
                person.doc,
                (*person.path, "nip"),
                "bulan TMT dalam NIP {tmt} harus 01-12",
                tmt=parts.tmt,
            )
        elif born is not None and (year, month) < (born.year + 18, born.month):
            yield ctx.finding(
                person.doc,
                (*person.path, "nip"),
                "TMT {tmt} dalam NIP kurang dari 18 tahun setelah tanggal lahir {born}",
                tmt=parts.tmt,
                born=born,
            )
        elif plan_year is not None and year > plan_year:
            yield ctx.finding(
                person.doc,
                (*person.path, "nip"),
                "TMT {tmt} dalam NIP jatuh sesudah tahun rencana {year}",
                tmt=parts.tmt,
                year=plan_year,
            )


@rule(
    "PG04",
    "pegawai.nip-jenis-kelamin",
    E,
    "Digit ke-15 NIP adalah 1 atau 2.",
    aliases=("nip.jenis-kelamin",),
)
def nip_gender(ctx: Context) -> Iterator[Finding]:
    """Digit ke-15 NIP adalah jenis kelamin: 1 pria, 2 wanita."""
    for person, parts in _nips(ctx):
        if parts.gender not in ("1", "2"):
            yield ctx.finding(
                person.doc,
                (*person.path, "nip"),
                "digit jenis kelamin dalam NIP harus 1 atau 2, ditemukan {digit}",
                digit=parts.gender,
            )


@rule("PG05", "pegawai.pangkat", E, "Pangkat dan golongan sesuai.")
def rank_matches(ctx: Context) -> Iterator[Finding]:
    """
    Pangkat dan golongan berpasangan tetap (Penata = III/c, Pembina = IV/a, Pembina Tingkat
    I = IV/b, ...). Keduanya boleh ditulis terpisah (``pangkat: Pembina``, ``golongan: IV/a``)
    atau bersama (``pangkat: Pembina (IV/a)``). Hanya untuk penandatangan ber-NIP: pangkat
    TNI/Polri (ber-NRP) bukan pangkat pegawai negeri sipil.
    """
    for person in _signatories(ctx):
        if person.item.nip is None:
            continue
        name, inline = pegawai.split_pangkat(stated(person.item.pangkat))
        pairs = ((inline, "pangkat"), (stated(person.item.golongan), "golongan"))
        golongan = [(g, key) for g, key in pairs if g is not None]
        bad = [(g, key) for g, key in golongan if pegawai.normal_golongan(g) is None]
        for gol, key in bad:
            yield ctx.finding(
                person.doc,
                (*person.path, key),
                "golongan {gol} tidak dikenal (contoh: III/c, IV/a)",
                gol=gol,
            )
        if bad:
            continue
        expected = pegawai.golongan_of(name) if name else None
        if name is not None and expected is None:
            yield ctx.finding(
                person.doc,
                (*person.path, "pangkat"),
                "pangkat {name} tidak dikenal (contoh: Penata, Pembina, Pembina Tingkat I)",
                name=name,
            )
            continue
        for gol, key in golongan:
            if expected is not None and pegawai.normal_golongan(gol) != expected:
                yield ctx.finding(
                    person.doc,
                    (*person.path, key),
                    "pangkat {name} bergolongan {expected}, bukan {gol}",
                    name=name,
                    expected=expected,
                    gol=gol,
                )


#: NRP lengths: Polri 8 digits; TNI 5 (perwira) or 6 (bintara, tamtama) in the old
#: numbering, longer in the newer one. Only digits and a plausible length are checked.
NRP_DIGITS = (5, 14)


@rule("PG06", "pegawai.nrp-format", E, "NRP hanya angka, 5 sampai 14 digit.")
def nrp_format(ctx: Context) -> Iterator[Finding]:
    """
    Penandatangan anggota TNI atau Polri menulis ``nrp:`` sebagai ganti ``nip:``. NRP hanya
    berisi angka, 5 sampai 14 digit (NRP Polri 8 digit, mis. ``69050243``); awalan
    ``NRP.``, spasi atau tanda baca yang ikut tersalin ditolak. Hanya itu yang diperiksa:
    susunan NRP tidak seragam antarmatra, jadi tanggal atau urutan di dalamnya tidak ditebak.
    """
    low, high = NRP_DIGITS
    for person, nrp in _written(ctx, "nrp"):
        if nrp.isascii() and nrp.isdigit() and low <= len(nrp) <= high:
            continue
        yield ctx.finding(
            person.doc,
            (*person.path, "nrp"),
            "NRP {nrp} harus hanya angka, {low} sampai {high} digit (NRP Polri 8 digit), "
            "ditemukan {digits} digit",
            nrp=nrp,
            low=low,
            high=high,
            digits=sum(ch.isdigit() for ch in nrp),
        )


RULES = (nip_format, nip_birth, nip_tmt, nip_gender, rank_matches, nrp_format)
