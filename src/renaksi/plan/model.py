"""The plan's vocabulary as pydantic models: one model per kind of plan file.

Keys are the Indonesian words the official document uses. Every model forbids unknown keys,
so a typo is reported (with the nearest known key) instead of being silently ignored.
The models check shape and types only; arithmetic and cross-file agreement are the rules'
job (:mod:`renaksi.rules`), so that each finding gets its own code and location.
Derived numbers (totals, sums) are never stored here: a stated total is optional and is
checked against the computed one.

Written for start-up time, since every ``renaksi validate`` creates these classes: no
``from __future__ import annotations`` (pydantic would compile and evaluate every field's
annotation string when creating each class; as code they are compiled once, into the
bytecode), and lists left out default to :func:`_empty` rather than ``list``.
"""

import datetime as dt
import functools
import itertools
import re
import types
import typing
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated, Any, Literal, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    StrictBool,
    StrictInt,
    WithJsonSchema,
    WrapValidator,
    field_validator,
    model_validator,
)
from pydantic_core import CoreSchema, PydanticCustomError, core_schema

from renaksi.plan import values
from renaksi.plan.file import KeyPath
from renaksi.plan.values import ABSENT_TEXT, TIDAK_TERCANTUM, Absent, MonthDate
from renaksi.text.formats import MONTH_SHORT, MONTHS


def _wrap(parse: Any) -> Any:
    """Turn a :mod:`renaksi.plan.values` parser into a pydantic validator with our message."""

    def validate(raw: object) -> object:
        try:
            return parse(raw)
        except values.PlanValueError as exc:
            raise PydanticCustomError(
                "renaksi_" + exc.kind, "renaksi", {"template": exc.message, "args": exc.args_}
            ) from None

    return validate


def _bad_value(template: str, **args: object) -> PydanticCustomError:
    """A value our models refuse, reported as SC06 with an Indonesian message."""
    return PydanticCustomError("renaksi_value", "renaksi", {"template": template, "args": args})


def _nip_text(raw: object) -> object:
    # An ungrouped NIP written without quotes is a YAML integer; keep its digits.
    if isinstance(raw, int) and not isinstance(raw, bool):
        return str(raw)
    return raw


def _amount_and_unit(what: str) -> Any:
    # "1200 orang" is the natural way to write an output target; split it. The amount
    # ends where a space or a sign begins, so "1e400 orang" is refused, not read as 1.
    def split(raw: object) -> object:
        if isinstance(raw, str):
            match = re.match(r"^\s*(-?[0-9][0-9.,]*)(?!\w)\s*(\S.*?)\s*$", raw)
            if not match:
                raise PydanticCustomError(
                    "renaksi_type",
                    "renaksi",
                    {
                        "template": "{what} ditulis jumlah lalu satuan (mis. 1200 orang), "
                        "ditemukan {found}",
                        "args": {"found": raw, "what": what},
                    },
                )
            return {"jumlah": match.group(1), "satuan": match.group(2)}
        return raw

    return split


# What editors are told about the values renaksi reads its own way (see renaksi.plan.values).
_RUPIAH_SCHEMA = {
    "anyOf": [
        {"type": "integer", "minimum": 0},
        {"type": "string", "pattern": r"^(Rp\.?\s?)?[0-9]{1,3}(\.[0-9]{3})*(,00?|,-)?$"},
    ],
    "description": (
        'Rupiah bulat: 2_718_270_000, "Rp 2.718.270.000" atau "966.661.000,00" (sen nol); '
        "sen bukan nol ditolak."
    ),
}
_QUANTITY_SCHEMA = {
    "anyOf": [
        {"type": "number", "exclusiveMinimum": -(10**15), "exclusiveMaximum": 10**15},
        {"type": "string", "pattern": r"^-?([0-9]+|[0-9]{1,3}(\.[0-9]{3})+)(,[0-9]+)?%?$"},
    ],
    "description": (
        'Angka: 29.17 atau teks Indonesia "29,17%", kurang dari 1.000.000.000.000.000; '
        "tanpa eksponen (1e5) dan tanpa 0x/0o."
    ),
}
_MONTH_SCHEMA = {
    "anyOf": [
        {"type": "integer", "minimum": 1, "maximum": 12},
        {"type": "string", "enum": list(dict.fromkeys([*MONTH_SHORT, *MONTHS]))},
    ],
    "description": "Bulan 1-12 atau namanya (Jan, Mrt, Agustus, ...).",
}
_DATE_SCHEMA = {
    "type": "string",
    "pattern": r"^([0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{1,2} [A-Za-z]+ [0-9]{4})$",
    "description": 'Tanggal: 2024-01-02 atau "2 Januari 2024".',
}
_SIGNING_DATE_SCHEMA = {
    "type": "string",
    "pattern": r"^([0-9]{4}-[0-9]{2}(-[0-9]{2})?|([0-9]{1,2} )?[A-Za-z]+ [0-9]{4})$",
    "description": 'Tanggal: 2024-01-02 atau "2 Januari 2024"; "Januari 2021" bila hanya bulannya.',
}
_ABSENT_HINT = (
    "tulis nilainya, atau tepat `tidak tercantum` bila dokumen sumber tidak mencantumkannya"
)


class _AbsentOr:
    """What ``Maybe[X]`` adds to ``X``: the written ``tidak tercantum`` is read as
    :data:`~renaksi.plan.values.TIDAK_TERCANTUM`, anything else as ``X`` would be.

    ``X``'s own schema does the reading, so its errors (and their rule codes) are the
    ones a plain ``X`` field gives; the two arms are never a pydantic union, whose errors
    would name both.
    """

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        (arm,) = (a for a in typing.get_args(source) if a is not Absent)
        inner = handler.generate_schema(arm)

        def read(raw: object, read_inner: Any) -> object:
            if raw is not None and not isinstance(raw, str):
                return read_inner(raw)  # no text: neither the words nor a look-alike
            if values.is_absent_text(raw):
                return TIDAK_TERCANTUM
            if raw is None:
                raise _bad_value("nilai kosong; " + _ABSENT_HINT)
            if values.is_near_absent_text(raw):
                raise _bad_value(
                    "{found} bukan cara menulis fakta yang tidak tercantum; " + _ABSENT_HINT,
                    found=raw,
                )
            return read_inner(raw)

        def write(value: object, write_inner: Any) -> object:
            return ABSENT_TEXT if isinstance(value, Absent) else write_inner(value)

        return core_schema.no_info_wrap_validator_function(
            read,
            inner,
            serialization=core_schema.wrap_serializer_function_ser_schema(write, schema=inner),
        )

    def __get_pydantic_json_schema__(
        self, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> dict[str, Any]:
        return {
            "anyOf": [
                handler(schema),
                {"const": ABSENT_TEXT, "description": "Dokumen sumber tidak mencantumkannya."},
            ]
        }


_T = TypeVar("_T")
#: A fact the source document may leave unstated: ``X``, or ``tidak tercantum``
#: (:data:`~renaksi.plan.values.TIDAK_TERCANTUM`). Every rule skips an absent value and
#: TC01 lists it; a forgotten key is still SC02 and an empty value still refused.
Maybe = Annotated[_T | Absent, _AbsentOr()]

Rupiah = Annotated[int, BeforeValidator(_wrap(values.parse_rupiah)), WithJsonSchema(_RUPIAH_SCHEMA)]
#: Realised spending: read like a pagu, named as what it is in messages.
Anggaran = Annotated[
    int,
    BeforeValidator(_wrap(functools.partial(values.parse_rupiah, what="realisasi anggaran"))),
    WithJsonSchema(_RUPIAH_SCHEMA),
]
#: The one reader of every quantity; :func:`quantity_places` finds the fields that use it.
_QUANTITY_READER = BeforeValidator(_wrap(values.parse_quantity))
Quantity = Annotated[Decimal, _QUANTITY_READER, WithJsonSchema(_QUANTITY_SCHEMA)]
Month = Annotated[int, BeforeValidator(_wrap(values.parse_month)), WithJsonSchema(_MONTH_SCHEMA)]


def _plain_months(raw: object, read_items: Any) -> object:
    # Months are written as numbers ([1, 2, 3]) almost always, which parse_month returns
    # unchanged: such a list is taken in this one call instead of two Python calls an item
    # (a tenth of reading a plan). Anything else (a name, a bool, not a list) is read item
    # by item as before, so every error is the same and in the same place.
    if isinstance(raw, list) and all(type(item) is int for item in raw):
        return list(raw)
    return read_items(raw)


#: The months of an aksi: :data:`Month` items, with the common list read at once.
Months = Annotated[list[Month], WrapValidator(_plain_months)]
Date = Annotated[dt.date, BeforeValidator(_wrap(values.parse_date)), WithJsonSchema(_DATE_SCHEMA)]
#: A signing date: a day, or only the month when the document states no day.
SigningDate = Annotated[
    dt.date | MonthDate,
    BeforeValidator(_wrap(values.parse_signing_date)),
    WithJsonSchema(_SIGNING_DATE_SCHEMA),
]


def _nfc(text: str) -> str:
    # The same word typed on two machines can reach the file as different code points
    # ("é" as one character, or "e" and a combining accent): NFC makes them one string, so
    # units and names compare equal across files. NFC, not NFKC: canonical forms look the
    # same, while NFKC would change what is printed (m² into m2, ﬁ into fi); compatibility
    # forms are folded only where units are compared (renaksi.text.formats.unit_key).
    return unicodedata.normalize("NFC", text)


def _stated_text(text: str) -> str:
    # A field that must be stated would otherwise take the words as its value and print
    # them as if the document said so, unlisted. Only these words: a "-" or "Nihil" may be
    # what the document prints there.
    if "tercantum" not in text.lower():
        # Not the words however written (their second word is in any spelling of them):
        # most text, answered without the full test; and NFC leaves ASCII as it is.
        return text if text.isascii() else _nfc(text)
    if values.is_absent_lookalike(text):
        raise _bad_value(
            "nilai ini wajib dicantumkan; `tidak tercantum` hanya untuk fakta yang boleh tidak "
            "dicantumkan dokumen (penandatangan, tempat dan tanggal, pagu, target, alamat)"
        )
    return _nfc(text)


#: Free text that is compared or printed (names, units): NFC-normalised when read.
FreeText = Annotated[str, AfterValidator(_stated_text)]
Text = Annotated[str, Field(min_length=1), AfterValidator(_stated_text)]
#: A target or realisasi: a quantity, a value of an ordered scale or a distribution
#: (:func:`renaksi.plan.values.parse_target_value`); :func:`quantity_places` finds it too.
_TARGET_READER = BeforeValidator(_wrap(values.parse_target_value))
_LEVEL_SCHEMA = {"anyOf": [{"type": "string", "minLength": 1}, {"type": "integer"}]}
TargetValue = Annotated[
    Decimal | str | tuple[tuple[str, Decimal], ...],
    _TARGET_READER,
    AfterValidator(lambda v: _stated_text(v) if isinstance(v, str) else v),
    WithJsonSchema(
        {
            "anyOf": [
                _QUANTITY_SCHEMA,
                {"type": "string", "pattern": r"^\s*[^-+0-9.,\s]", "description": "Nilai skala."},
                {"type": "object", "additionalProperties": _QUANTITY_SCHEMA, "minProperties": 1},
            ],
            "description": (
                'Angka (29.17, "29,17%"), nilai skala bertingkat ("Level 3", AA), atau '
                "distribusi tingkat: porsi ({Level 1: 33%, Level 2: 50%, Level 3: 17%})."
            ),
        }
    ),
]
#: A value of an ordered scale: text, or a whole number kept as text.
Level = Annotated[
    str,
    BeforeValidator(_wrap(values.parse_level)),
    AfterValidator(_stated_text),
    WithJsonSchema(_LEVEL_SCHEMA),
]
Id = Annotated[
    str,
    Field(
        pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$",
        max_length=80,
        description="Pengenal tetap (huruf, angka, titik, garis bawah, tanda hubung).",
    ),
]
Slug = Annotated[
    str,
    Field(
        pattern=r"^[a-z0-9][a-z0-9-]*$",
        max_length=40,
        description="Nama pendek bidang = nama berkas di folder bidang/ tanpa .yaml.",
    ),
]
Nip = Annotated[
    str,
    BeforeValidator(_nip_text),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": r"^[0-9]{8} ?[0-9]{6} ?[0-9] ?[0-9]{3}$"},
                {"type": "integer"},
            ],
            "description": "NIP 18 digit, boleh dikelompokkan: 19690325 199103 2 004.",
        }
    ),
]
Nrp = Annotated[
    str,
    BeforeValidator(_nip_text),
    WithJsonSchema(
        {
            "anyOf": [{"type": "string", "pattern": r"^[0-9]{5,14}$"}, {"type": "integer"}],
            "description": "NRP anggota TNI/Polri, hanya angka (NRP Polri 8 digit).",
        }
    ),
]
Year = Annotated[StrictInt, Field(ge=1900, le=2999, description="Tahun, empat digit.")]


def _empty() -> list[Any]:
    """A list left out: empty. (Not ``list`` itself: pydantic reads a default factory's
    signature when it builds a model, and the builtin's is parsed from its text with the
    tokenize module, a millisecond or two of every run.)"""
    return []


class _Model(BaseModel):
    # defer_build: a model's validator is built when first used, not at import. A file's
    # model then builds its parts inside its own schema, the parts build no validator of
    # their own, and the realisasi models cost nothing for a plan read without realisasi.
    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        str_strip_whitespace=True,
        hide_input_in_errors=True,
        defer_build=True,
    )


#: What a source note says about the values it marks.
JenisCatatan = Literal["rekonstruksi", "perkiraan", "rekonsiliasi"]
_CATATAN = (
    "Catatan sumber: nilai isian ini (di sini dan di semua bagian di bawahnya) tidak disalin "
    "apa adanya dari dokumen sumber. Dicetak di setiap halaman yang menampilkan nilai itu."
)


class CatatanSumber(_Model):
    """A source note (provenance mark): the values of field ``isian`` on the object that
    holds the note, and on everything below it, were reconstructed, estimated or reconciled
    rather than copied from the source document. Reports print it next to those values."""

    jenis: JenisCatatan = Field(
        description=(
            "rekonstruksi: disusun ulang karena isi dokumen sumber hilang (mis. arsiran "
            "bulan); perkiraan: ditaksir karena dokumen tidak menyebutnya; rekonsiliasi: "
            "dokumen menulis nilai yang berbeda di dua tempat dan satu dipilih."
        )
    )
    isian: Literal["bulan", "pagu"] = Field(
        description=(
            "Isian yang ditandai: bulan (jadwal pelaksanaan aksi) atau pagu (pagu kegiatan "
            "dan sub kegiatan atau outputnya)."
        )
    )
    alasan: Text = Field(
        description="Alasannya, dicetak apa adanya: apa yang hilang atau berbeda, apa yang dipakai."
    )


class CatatanJadwal(CatatanSumber):
    """A source note on aksi months (in a bidang file or on one aksi)."""

    isian: Literal["bulan"] = Field(description="bulan: jadwal pelaksanaan aksi.")


class CatatanPagu(CatatanSumber):
    """A source note on pagu: of a kegiatan and its parts (sub kegiatan or outputs), or of
    one sub kegiatan or output. A stated pagu only: an absent one has nothing to mark."""

    isian: Literal["pagu"] = Field(
        description=(
            "pagu: pagu di sini (pada kegiatan: juga pagu setiap sub kegiatan atau outputnya)."
        )
    )


#: Identities a signer can have: ``nip`` (ASN), ``nrp`` (TNI/Polri), or none (``identitas:``).
IDENTITY_KEYS = ("nip", "nrp", "identitas")


class Pegawai(_Model):
    """A signing official, with the identity of their kind: a NIP (ASN), an NRP (TNI/Polri)
    or none (a pejabat negara, such as a Menteri or a Wali Kota). Exactly one is written, so
    a forgotten NIP is never taken for "has none"."""

    model_config = ConfigDict(
        json_schema_extra={"oneOf": [{"required": [key]} for key in IDENTITY_KEYS]}
    )

    nama: Maybe[Text] = Field(description="Nama lengkap dengan gelar, seperti tercetak.")
    nip: Maybe[Nip] | None = Field(
        None, description="NIP 18 digit (ASN); `tidak tercantum` bila dokumen tidak mencetaknya."
    )
    nrp: Maybe[Nrp] | None = Field(None, description="NRP (anggota TNI/Polri) sebagai ganti NIP.")
    identitas: Literal["pejabat negara"] | None = Field(
        None,
        description=(
            "`pejabat negara` untuk penandatangan yang memang tidak punya NIP atau NRP "
            "(mis. Menteri, Gubernur, Bupati, Wali Kota)."
        ),
    )
    pangkat: Maybe[str] | None = Field(None, description="Pangkat, mis. Pembina.")
    golongan: Maybe[str] | None = Field(None, description="Golongan ruang, mis. IV/a.")
    jabatan: Maybe[Text] = Field(description="Jabatan seperti tercetak di blok tanda tangan.")
    plt: StrictBool = Field(
        False, description="true bila penandatangan adalah Pelaksana Tugas (Plt.)."
    )

    @model_validator(mode="after")
    def _one_identity(self) -> "Pegawai":
        written = [key for key in IDENTITY_KEYS if getattr(self, key) is not None]
        if not written:
            raise PydanticCustomError(
                "renaksi_missing",
                "renaksi",
                {
                    "template": "identitas penandatangan tidak ditulis: tulis nip (ASN), nrp "
                    "(TNI/Polri) atau identitas: pejabat negara; NIP yang tidak tercetak di "
                    "dokumen ditulis nip: tidak tercantum",
                    "args": {},
                },
            )
        if len(written) > 1:
            raise _bad_value(
                "penandatangan punya satu identitas, ditemukan {keys}; hapus yang bukan miliknya",
                keys=", ".join(written),
            )
        return self


class Kantor(_Model):
    """The agency itself."""

    nama: Text = Field(description="Nama resmi perangkat daerah.")
    singkatan: str | None = None
    pemerintah: Maybe[str] | None = Field(
        None,
        description=(
            "Pemerintah daerah atau kementerian/lembaga induk seperti tercetak di kop "
            "dokumen, mis. Pemerintah Kota Samarinda."
        ),
    )
    kota: Maybe[Text]
    alamat: Maybe[Text]
    kode_pos: Maybe[str] | None = None
    website: Maybe[str] | None = None
    telepon: Maybe[str] | None = None


LogoPath = Annotated[str, BeforeValidator(_wrap(values.parse_logo_path))]


class Kop(_Model):
    """The letterhead printed on the cover: a logo and the lines beside it."""

    logo: LogoPath | None = Field(
        None,
        description=(
            "Berkas logo (PNG atau SVG) di dalam folder rencana, relatif terhadap folder itu, "
            "mis. logo-samarinda.png. Disisipkan ke dalam laporan (HTML dan PDF)."
        ),
    )
    baris: list[Text] = Field(
        default_factory=_empty,
        description=(
            "Baris kop seperti tercetak, dari atas, mis. PEMERINTAH KOTA SAMARINDA. Bila "
            "kosong, kop dicetak dari pemerintah, nama, alamat dan telepon instansi."
        ),
    )


class Periode(_Model):
    """A period of years, e.g. the Renstra's 2021-2026."""

    mulai: Year
    selesai: Year


class Misi(_Model):
    """A mission of the regional head that the agency carries."""

    nomor: StrictInt = Field(ge=1)
    uraian: Text


class Sasaran(_Model):
    """A sasaran strategis (strategic objective)."""

    id: Id
    uraian: Text


class Renstra(_Model):
    """The medium-term strategic plan the yearly plan follows.

    A Perjanjian Kinerja on its own prints its sasaran but not the Renstra they come from:
    the period, vision, missions and aims may then be written absent, never made up.
    """

    periode: Maybe[Periode]
    visi: Maybe[Text]
    misi: Maybe[Annotated[list[Misi], Field(min_length=1)]]
    tujuan: Maybe[Annotated[list[Text], Field(min_length=1)]]
    sasaran_strategis: list[Sasaran] = Field(min_length=1)


class TargetRenstra(_Model):
    """The Renstra's target of an IKU indicator for one year of its period."""

    tahun: Year = Field(description="Tahun periode Renstra.")
    target: Maybe[TargetValue] = Field(
        description="Target tahun itu menurut Renstra; `tidak tercantum` bila tidak dicetak."
    )


class IkuIndikator(_Model):
    """An Indikator Kinerja Utama (Tabel 2.1), and what the Renstra says of it over its
    period: where it starts (kondisi awal), a target per year, where it ends (target akhir).
    All three are optional, since a Rencana Aksi often prints only one target."""

    id: Id | None = Field(
        None,
        description=(
            "Pengenal IKU (opsional): dirujuk indikator PK dengan `iku: <id>`, dan "
            "dipakai untuk mengenali IKU yang sama dari tahun ke tahun."
        ),
    )
    sasaran: Id = Field(description="id sasaran strategis.")
    nama: Text
    formulasi: Text
    target: Maybe[Quantity]
    satuan: Text
    kondisi_awal: Maybe[TargetValue] | None = Field(
        None, description="Kondisi awal (baseline) Renstra, sebelum tahun pertama periodenya."
    )
    target_per_tahun: Maybe[Annotated[list[TargetRenstra], Field(min_length=1)]] | None = Field(
        None,
        description=(
            "Target Renstra untuk setiap tahun periodenya, mis. [{tahun: 2024, target: 75}]; "
            "setiap tahun periode sekali (RS03)."
        ),
    )
    target_akhir: Maybe[TargetValue] | None = Field(
        None, description="Target akhir periode Renstra."
    )
    boleh_lebih_100: StrictBool = Field(
        False,
        description=(
            "true bila target persen indikator ini memang boleh melebihi 100% (mis. "
            "persentase kenaikan); tanpa ini target persen di atas 100 diperingatkan (TG04)."
        ),
    )


class Iku(_Model):
    """The IKU and the decree that set them."""

    dasar: str | None = Field(None, description="Dasar penetapan IKU, mis. nomor SK.")
    indikator: list[IkuIndikator] = Field(min_length=1)


class Kategori(_Model):
    """One band of the capaian scale: from ``mulai`` percent upwards, until the next band."""

    mulai: Quantity = Field(description="Batas bawah kategori, dalam persen (mis. 91).")
    nama: Text = Field(description="Nama kategori, mis. Sangat Tinggi.")


class Pemantauan(_Model):
    """How monitoring judges capaian and serapan (defaults in :mod:`renaksi.monitoring.capaian`)."""

    skala: list[Kategori] | None = Field(
        None,
        min_length=1,
        description=(
            "Skala kategori capaian dan serapan, dari batas bawah tertinggi ke terendah; "
            "yang terakhir mulai dari 0. Bila tidak ditulis dipakai skala bawaan "
            "(91 Sangat Tinggi, 76 Tinggi, 66 Sedang, 51 Rendah, 0 Sangat Rendah)."
        ),
    )
    ambang_penjelasan: Quantity | None = Field(
        None,
        description=(
            "Capaian (%) di bawah angka ini wajib disertai faktor penghambat dan upaya "
            "perbaikan. Bawaan 100: setiap target yang tidak tercapai dijelaskan."
        ),
    )

    @field_validator("skala")
    @classmethod
    def _descending_to_zero(cls, skala: list[Kategori] | None) -> list[Kategori] | None:
        # A scale with gaps or in the wrong order would quietly put a 10% capaian in a
        # high category (the lowest band catches everything below the others).
        if skala is None:
            return skala
        starts = [k.mulai for k in skala]
        for start in starts:
            _percent_bound("batas bawah skala", start)
        if any(b >= a for a, b in itertools.pairwise(starts)):
            raise _bad_value(
                "skala ditulis dari batas bawah tertinggi ke terendah tanpa angka ganda, "
                "ditemukan {value}",
                value=values.Series(starts),
            )
        if starts[-1] != 0:
            raise _bad_value(
                "kategori terakhir skala harus mulai dari 0 agar setiap capaian masuk "
                "kategori, ditemukan {value}",
                value=starts[-1],
            )
        return skala

    @field_validator("ambang_penjelasan")
    @classmethod
    def _threshold_in_range(cls, value: Decimal | None) -> Decimal | None:
        if value is not None and not 0 <= value <= 200:
            raise _bad_value(
                "ambang_penjelasan antara 0 dan 200 (persen), ditemukan {value}", value=value
            )
        if value is not None:
            _percent_bound("ambang_penjelasan", value)
        return value


def _percent_bound(what: str, value: Decimal) -> None:
    # Capaian is judged as printed, with two decimals: a finer bound could never be met
    # exactly and would print as a different number than the one written.
    if not 0 <= value <= 1000 or value != value.quantize(Decimal("0.01")):
        raise _bad_value(
            "{what} adalah persen antara 0 dan 1000 dengan paling banyak dua desimal, "
            "ditemukan {value}",
            what=what,
            value=value,
        )


class SkalaOrdinal(_Model):
    """A named ordered scale (``instansi.yaml: skala_ordinal``), lowest value first."""

    nama: Id = Field(description="Nama skala, dirujuk indikator dengan skala: <nama>.")
    nilai: list[Level] = Field(
        min_length=2, description="Nilai skala dari yang terendah, mis. [D, C, CC, B, BB, A, AA]."
    )


class InstansiFile(_Model):
    """``instansi.yaml``: the agency, its head, the Renstra and the IKU."""

    tahun: Year
    instansi: Kantor
    kepala: Pegawai
    kop: Kop | None = Field(None, description="Kop dokumen: logo dan baris kop.")
    tempat: Maybe[Text] = Field(description="Tempat penandatanganan dokumen.")
    tanggal: Maybe[SigningDate] = Field(description="Tanggal penandatanganan dokumen.")
    renstra: Maybe[Renstra] = Field(
        description="Renstra; tidak tercantum bila dokumen sumber tidak memuatnya sama sekali."
    )
    iku: Maybe[Iku] = Field(
        description="IKU; tidak tercantum bila dokumen sumber (mis. PK saja) tidak memuatnya."
    )
    satuan_tambahan: list[Text] = Field(
        default_factory=_empty, description="Satuan target tambahan yang dikenal selain bawaan."
    )
    pemantauan: Pemantauan | None = Field(
        None, description="Pengaturan pemantauan (skala kategori capaian, ambang penjelasan)."
    )
    catatan_sumber: list[CatatanSumber] = Field(default_factory=_empty, description=_CATATAN)
    skala_ordinal: list[SkalaOrdinal] = Field(
        default_factory=_empty,
        description="Skala bertingkat bernama untuk target seperti Level 1-5 atau predikat AA-D.",
    )

    @property
    def sasaran_strategis(self) -> list[Sasaran]:
        """The sasaran strategis; none when the source states no Renstra (a perwakilan's
        PK states only its sasaran program and kegiatan)."""
        return [] if isinstance(self.renstra, Absent) else self.renstra.sasaran_strategis

    @property
    def iku_indikator(self) -> list[IkuIndikator]:
        """The IKU; none when the source document does not state them."""
        return [] if isinstance(self.iku, Absent) else self.iku.indikator


CaraGabung = Literal["jumlah", "kumulatif", "tetap"]
#: Which way is better. The document may not say: then ``arah: tidak tercantum``
#: (:data:`~renaksi.plan.values.TIDAK_TERCANTUM`, listed by TC01 like any absent fact).
Arah = Literal["naik", "turun"]


def _scale(raw: object) -> object:
    # One key, two forms: the values themselves, or the name of a scale in instansi.yaml.
    if isinstance(raw, str):
        if not re.match(r"^[A-Za-z0-9][A-Za-z0-9._-]*$", raw.strip()):
            raise _bad_value(
                "skala ditulis sebagai daftar nilai dari yang terendah, atau nama skala di "
                "instansi.yaml: skala_ordinal, ditemukan {value}",
                value=raw,
            )
        return raw.strip()
    if not isinstance(raw, list) or len(raw) < 2:
        raise _bad_value(
            "skala ditulis sebagai daftar paling sedikit dua nilai dari yang terendah "
            "(mis. [Level 1, Level 2, Level 3]), atau nama skala di instansi.yaml, "
            "ditemukan {value}",
            value=values.Series(raw) if isinstance(raw, list) else _shape_word(raw),
        )
    return raw


def _shape_word(raw: object) -> object:
    # A mapping or another structure is named, not printed as Python would print it.
    return "pemetaan" if isinstance(raw, dict) else raw


Skala = Annotated[
    list[Level] | str,
    BeforeValidator(_scale),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "array", "items": _LEVEL_SCHEMA, "minItems": 2},
                {"type": "string", "pattern": r"^[A-Za-z0-9][A-Za-z0-9._-]*$"},
            ],
            "description": (
                "Skala bertingkat: daftar nilai dari yang terendah ([Level 1, ..., Level 5]) "
                "atau nama skala di instansi.yaml: skala_ordinal."
            ),
        }
    ),
]


class Indikator(_Model):
    """A performance indicator: an annual target, and quarterly targets when the document
    states them."""

    id: Id
    sasaran: Id = Field(
        description=(
            "id sasaran yang didukung: sasaran strategis (instansi.yaml), sasaran program "
            "atau sasaran kegiatan (perjanjian-kinerja.yaml)."
        )
    )
    nama: Text
    satuan: Text = Field(description='Satuan target, mis. "%", orang, dokumen, level.')
    target: Maybe[TargetValue] | None = Field(
        None,
        description=(
            "Target tahunan. Wajib di PK; di berkas bidang boleh tidak ditulis bila dokumen "
            "tidak mencantumkannya (maka target triwulan tidak dapat dicocokkan). Angka, "
            "nilai skala (Level 3) bila indikator punya skala, atau distribusi tingkat: porsi."
        ),
    )
    triwulan: list[TargetValue] | None = Field(
        None,
        min_length=4,
        max_length=4,
        description=(
            "Target triwulan I, II, III, IV. Tidak ditulis bila dokumen hanya memuat target "
            "tahunan: capaian lalu dinilai pada akhir tahun."
        ),
    )
    cara_gabung: CaraGabung | None = Field(
        None,
        description=(
            "Cara target triwulan membentuk target tahunan: jumlah (dijumlahkan), "
            "kumulatif (angka berjalan, triwulan IV = tahunan), tetap (sama tiap triwulan). "
            "Wajib bila target triwulan ditulis; tanpa target triwulan boleh tidak ditulis "
            "(realisasi lalu ditulis s.d. akhir periodenya)."
        ),
    )
    arah: Maybe[Arah] = Field(
        description=(
            "naik: makin tinggi makin baik; turun: makin rendah makin baik; tidak tercantum: "
            "dokumen tidak menyebutnya (capaian lalu hanya tercapai/tidak bila dapat dinilai)."
        )
    )
    jenis_target: Literal["maksimal", "minimal"] | None = Field(
        None,
        description=(
            "maksimal: target adalah batas atas (tercapai bila realisasi paling tinggi "
            "target, mis. maksimal 1% per bulan); minimal: batas bawah. Dinilai "
            "tercapai/tidak, tanpa persen capaian."
        ),
    )
    skala: Skala | None = Field(
        None,
        description=(
            "Skala bertingkat target ini (Level 1-5, predikat D-AA): daftar nilai dari yang "
            "terendah, atau nama skala di instansi.yaml: skala_ordinal. Target dan "
            "realisasinya lalu ditulis sebagai nilai skala dan dibandingkan menurut urutan."
        ),
    )
    boleh_lebih_100: StrictBool = Field(
        False,
        description=(
            "true bila target persen indikator ini memang boleh melebihi 100% (mis. "
            "persentase kenaikan); tanpa ini target persen di atas 100 diperingatkan (TG04)."
        ),
    )


class PkIndikator(Indikator):
    """A Perjanjian Kinerja indicator: the annual target is required."""

    target: Maybe[TargetValue] = Field(
        description="Target tahunan; `tidak tercantum` bila dokumen tidak mencantumkannya."
    )
    kelompok: Id | None = Field(
        None,
        description=(
            "id kelompok_indikator bila indikator ini di luar perjanjian utama (mis. "
            "indikator kinerja tambahan); dicetak di tabelnya sendiri."
        ),
    )
    iku: Id | None = Field(
        None,
        description=(
            "id IKU (instansi.yaml: iku) yang diukur indikator ini; targetnya lalu sama "
            "dengan target Renstra tahun rencana, atau alasan_beda_renstra ditulis (RS01)."
        ),
    )
    alasan_beda_renstra: Text | None = Field(
        None,
        description="Mengapa target PK berbeda dari target Renstra tahun ini (RS01).",
    )


class SasaranProgram(_Model):
    """A sasaran program: the goal of one program, measured by its indikator kinerja program
    (IKP), the PK indicators whose ``sasaran`` is this id."""

    id: Id
    program: Id = Field(description="id program di daftar program yang dituju sasaran ini.")
    uraian: Text


class SasaranKegiatan(_Model):
    """A sasaran kegiatan: the goal of one kegiatan, measured by its indikator kinerja
    kegiatan (IKK), the PK indicators whose ``sasaran`` is this id."""

    id: Id
    kegiatan: Id = Field(description="id kegiatan di daftar program yang dituju sasaran ini.")
    uraian: Text


class KelompokIndikator(_Model):
    """A set of indicators printed as a table of its own, beside the PK's own indicators
    (e.g. the "indikator kinerja tambahan" of a technical unit)."""

    id: Id
    nama: Text = Field(description='Judul tabelnya, mis. "Indikator Kinerja Tambahan".')


class _Part(_Model):
    """What carries a pagu below a kegiatan, whatever it is called."""

    id: Id
    kode: str | None = None
    nama: Text
    pagu: Maybe[Rupiah]
    bidang: Slug | None = Field(
        None,
        description=(
            "Bidang pemilik (nama berkas di bidang/); wajib bila folder punya berkas bidang."
        ),
    )
    catatan_sumber: list[CatatanPagu] = Field(default_factory=_empty, description=_CATATAN)


class SubKegiatan(_Part):
    """A budgeted sub kegiatan: the unit that gets a pagu and an action plan."""

    kode: str | None = Field(None, description="Kode nomenklatur U.BB.PP.L.KK.SSSS bila diketahui.")
    nama: Text = Field(description="Nama sesuai nomenklatur resmi.")


class Output(_Part):
    """An APBN output (KRO/RO) of a kegiatan: it carries a pagu and an action plan."""

    kode: str | None = Field(None, description="Kode KRO/RO, mis. 3966.ABA atau 3966.ABA.001.")


#: How the PK states its budget: the budget tree of a regional government (sub kegiatan
#: carry the pagu) or of a central one (kegiatan or their outputs carry it). A PK that
#: states no budget at all writes ``anggaran: tidak tercantum``, the one spelling of every
#: absent fact, so TC01 lists it as it lists any other.
BentukAnggaran = Literal["pemda", "apbn"]


class Kegiatan(_Model):
    """A kegiatan. Pemda: divided into sub kegiatan, which carry the pagu (a written kegiatan
    pagu is checked against their sum). APBN: carries its own pagu and owner, or is divided
    into outputs that do."""

    id: Id | None = Field(
        None,
        description=(
            "Pengenal kegiatan: wajib bila kegiatan itu sendiri berpagu (APBN tanpa output) "
            "atau dirujuk sasaran kegiatan."
        ),
    )
    kode: str | None = None
    nama: Text
    pagu: Maybe[Rupiah] | None = Field(
        None,
        description=(
            "Pagu kegiatan. Pemda, atau APBN dengan output: diperiksa terhadap jumlah "
            "rinciannya. APBN tanpa output: wajib, inilah pagunya."
        ),
    )
    bidang: Slug | None = Field(
        None,
        description=(
            "APBN tanpa output: bidang pemilik kegiatan (nama berkas di bidang/); wajib bila "
            "folder punya berkas bidang."
        ),
    )
    sub_kegiatan: list[SubKegiatan] = Field(
        default_factory=_empty, min_length=1, description="Anggaran pemda: sub kegiatan berpagu."
    )
    output: list[Output] = Field(
        default_factory=_empty,
        min_length=1,
        description="Anggaran APBN (opsional): output (KRO/RO) berpagu.",
    )
    catatan_sumber: list[CatatanPagu] = Field(default_factory=_empty, description=_CATATAN)

    @property
    def computed_pagu(self) -> int | Absent:
        """The sum of its parts' pagu (sub kegiatan or outputs), absent when one of them is;
        a kegiatan without parts is its own part (an APBN kegiatan), so its written pagu
        (absent if written so), or 0 when not written."""
        parts: Sequence[_Part] = self.sub_kegiatan or self.output
        if parts:
            return values.sum_or_absent(part.pagu for part in parts)
        return self.pagu if self.pagu is not None else 0


class Program(_Model):
    """A program, the indicator it supports, and its kegiatan."""

    id: Id | None = Field(None, description="Pengenal program; wajib bila dirujuk sasaran program.")
    kode: str | None = None
    nama: Text
    indikator: Id | None = Field(None, description="id indikator PK yang ditunjang.")
    pagu: Maybe[Rupiah] | None = None
    kegiatan: list[Kegiatan] = Field(default_factory=_empty, min_length=1)

    @property
    def computed_pagu(self) -> int | Absent:
        """The sum of the pagu of all its kegiatan; absent when one is."""
        return values.sum_or_absent(keg.computed_pagu for keg in self.kegiatan)


UnitLevel = Literal["sub kegiatan", "kegiatan", "output"]


def units_word(levels: Iterable[UnitLevel]) -> str:
    """What a list of budgeted units is called: its one level ("output"), or its levels
    in budget order ("kegiatan/output"); an APBN plan has no sub kegiatan to speak of."""
    present = set(levels)
    named = [level for level in ("sub kegiatan", "kegiatan", "output") if level in present]
    return "/".join(named) or "sub kegiatan"


@dataclass(frozen=True, slots=True)
class BudgetUnit:
    """A unit that carries a pagu, an owner bidang and an action plan: a sub kegiatan
    (pemda), an output, or an APBN kegiatan that is not divided further.

    ``level`` names it in messages and on the page; ``key`` is how a rencana aksi refers
    to it; ``path`` is where it is in ``perjanjian-kinerja.yaml``. Its pagu may be
    ``tidak tercantum``; its bidang is None in a Perjanjian Kinerja alone (no bidang files),
    and where it was forgotten (SC02's or BG05's finding).
    """

    level: UnitLevel
    id: str
    kode: str | None
    nama: str
    pagu: int | Absent
    bidang: str | None
    kegiatan: Kegiatan
    program: Program
    path: KeyPath
    #: The source notes on its own pagu (a sub kegiatan's or an output's); an APBN kegiatan's
    #: are its kegiatan's, which mark every level of the kegiatan anyway.
    catatan_sumber: tuple[CatatanPagu, ...] = ()

    @property
    def key(self) -> str:
        """The key a rencana aksi names this unit with: sub_kegiatan, kegiatan or output."""
        return self.level.replace(" ", "_")


class PerjanjianKinerjaFile(_Model):
    """``perjanjian-kinerja.yaml``: PK indicators, the goals they measure, and the budget."""

    tahun: Year | None = None
    pihak_kedua: Maybe[Pegawai] | None = Field(
        None,
        description=(
            "Pihak kedua Perjanjian Kinerja: atasan langsung kepala instansi (pihak pertama), "
            "mis. Wali Kota, Bupati atau Menteri."
        ),
    )
    tempat: Maybe[Text] | None = Field(
        None,
        description=(
            "Tempat penandatanganan Perjanjian Kinerja (dan turunannya ke setiap bidang). "
            "Bila tidak ditulis: tempat di instansi.yaml untuk folder yang hanya berisi "
            "Perjanjian Kinerja, tidak tercantum untuk rencana lengkap."
        ),
    )
    tanggal: Maybe[SigningDate] | None = Field(
        None,
        description=(
            "Tanggal penandatanganan Perjanjian Kinerja (dan turunannya ke setiap bidang). "
            "Bila tidak ditulis: tanggal di instansi.yaml untuk folder yang hanya berisi "
            "Perjanjian Kinerja, tidak tercantum untuk rencana lengkap."
        ),
    )
    anggaran: Maybe[BentukAnggaran] = Field(
        "pemda",
        description=(
            "Bentuk anggaran: pemda (program > kegiatan > sub kegiatan berpagu; bawaan), "
            "apbn (program > kegiatan berpagu, boleh dirinci menjadi output berpagu), atau "
            "tidak tercantum (dokumen tidak mencantumkan anggaran: tanpa pagu)."
        ),
    )
    indikator: list[PkIndikator] = Field(min_length=1)
    sasaran_program: list[SasaranProgram] = Field(
        default_factory=_empty, description="Sasaran program, diukur indikator kinerja program."
    )
    sasaran_kegiatan: list[SasaranKegiatan] = Field(
        default_factory=_empty, description="Sasaran kegiatan, diukur indikator kinerja kegiatan."
    )
    kelompok_indikator: list[KelompokIndikator] = Field(
        default_factory=_empty,
        description="Kelompok indikator di luar perjanjian utama, masing-masing tabel sendiri.",
    )
    program: list[Program] = Field(
        default_factory=_empty,
        min_length=1,
        description="Program dan kegiatannya; boleh tidak ditulis bila anggaran tidak tercantum.",
    )
    total_pagu: Maybe[Rupiah] | None = Field(None, description="Total pagu tertulis; diperiksa.")

    def units(self) -> Iterator[BudgetUnit]:
        """Every unit that carries a pagu, in document order.

        What carries it follows the tree as written: sub kegiatan, else outputs, else the
        kegiatan itself once it has an id and a pagu (what is missing, or does not fit
        ``anggaran``, is BG05's finding). The pagu may be ``tidak tercantum``; the bidang is
        not needed to be a unit, since a Perjanjian Kinerja alone has none.
        """
        for i, program in enumerate(self.program):
            for j, keg in enumerate(program.kegiatan):
                path: KeyPath = ("program", i, "kegiatan", j)
                parts: tuple[tuple[UnitLevel, Sequence[_Part]], ...] = (
                    ("sub kegiatan", keg.sub_kegiatan),
                    ("output", keg.output),
                )
                for level, items in parts:
                    for k, p in enumerate(items):
                        where = (*path, level.replace(" ", "_"), k)
                        yield BudgetUnit(
                            level,
                            p.id,
                            p.kode,
                            p.nama,
                            p.pagu,
                            p.bidang,
                            keg,
                            program,
                            where,
                            tuple(p.catatan_sumber),
                        )
                if keg.sub_kegiatan or keg.output:
                    continue
                if keg.id is not None and keg.pagu is not None:
                    yield BudgetUnit(
                        "kegiatan",
                        keg.id,
                        keg.kode,
                        keg.nama,
                        keg.pagu,
                        keg.bidang,
                        keg,
                        program,
                        path,
                    )

    def unit_index(self) -> dict[str, BudgetUnit]:
        """Each budgeted unit by id (the first of a duplicate id wins; duplicates are RF01's
        finding)."""
        index: dict[str, BudgetUnit] = {}
        for unit in self.units():
            index.setdefault(unit.id, unit)
        return index


class Target(_Model):
    """An output target: an amount and its unit, e.g. 1200 orang."""

    jumlah: Quantity
    satuan: Text


OutputTarget = Annotated[
    Target,
    BeforeValidator(_amount_and_unit("target keluaran")),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": r"^-?[0-9][0-9.,]*\s*\S.*$"},
                {
                    "type": "object",
                    "properties": {
                        "jumlah": _QUANTITY_SCHEMA,
                        "satuan": {"type": "string", "minLength": 1},
                    },
                    "required": ["jumlah", "satuan"],
                    "additionalProperties": False,
                },
            ],
            "description": "Target keluaran: jumlah lalu satuan, mis. 1200 orang.",
        }
    ),
]


#: A realised output, "2500 orang": read like a target, named as what it is in messages.
RealisedOutput = Annotated[
    Target,
    BeforeValidator(_amount_and_unit("realisasi keluaran")),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^-?[0-9][0-9.,]*\s*\S.*$",
            "description": "Realisasi keluaran kumulatif: jumlah lalu satuan, mis. 2500 orang.",
        }
    ),
]


class Aksi(_Model):
    """One action; its number in the printed table comes from its position."""

    nama: Text
    bulan: Months = Field(default_factory=_empty, description="Bulan pelaksanaan, 1-12.")
    keluaran: Text = Field(description="Output/keluaran aksi.")
    no: StrictInt | None = Field(
        None, description="Nomor tertulis (opsional); bila ada harus sama dengan urutannya."
    )
    catatan_sumber: list[CatatanJadwal] = Field(default_factory=_empty, description=_CATATAN)


#: The keys a rencana aksi can name its budgeted unit with, one of them.
UNIT_KEYS = ("sub_kegiatan", "kegiatan", "output")


class RencanaUnit(_Model):
    """The action plan of one budgeted unit inside a bidang file: a sub kegiatan (pemda), or
    an APBN kegiatan or output, named with exactly one of their keys."""

    model_config = ConfigDict(
        json_schema_extra={"oneOf": [{"required": [key]} for key in UNIT_KEYS]}
    )

    sub_kegiatan: Id | None = Field(
        None, description="id sub kegiatan di perjanjian-kinerja.yaml (anggaran pemda)."
    )
    kegiatan: Id | None = Field(
        None, description="id kegiatan berpagu di perjanjian-kinerja.yaml (APBN tanpa output)."
    )
    output: Id | None = Field(
        None, description="id output di perjanjian-kinerja.yaml (APBN dengan output)."
    )
    target: Maybe[OutputTarget]
    pagu: Maybe[Rupiah] | None = Field(
        None, description="Pagu yang ditulis ulang; harus sama dengan PK."
    )
    aksi: list[Aksi] = Field(default_factory=_empty)

    @model_validator(mode="after")
    def _one_unit(self) -> "RencanaUnit":
        given = [key for key in UNIT_KEYS if getattr(self, key) is not None]
        if len(given) != 1:
            raise _bad_value(
                "rencana aksi menyebut tepat satu yang direncanakan: sub_kegiatan, kegiatan "
                "atau output; ditemukan {keys}",
                keys=" dan ".join(given) or "tidak satu pun",
            )
        return self

    @property
    def unit_key(self) -> str:
        """Which key names the planned unit: sub_kegiatan, kegiatan or output."""
        return next((key for key in UNIT_KEYS if getattr(self, key) is not None), UNIT_KEYS[0])

    @property
    def unit(self) -> str:
        """The id of the planned unit."""
        return str(getattr(self, self.unit_key))


class BidangFile(_Model):
    """``bidang/<slug>.yaml``: one bidang's signatory, indicators and action plans."""

    nama: Text = Field(description="Nama bidang seperti tercetak.")
    penandatangan: Pegawai
    tempat: Maybe[Text]
    tanggal: Maybe[SigningDate]
    indikator: list[Indikator] = Field(default_factory=_empty)
    rencana_aksi: list[RencanaUnit] = Field(default_factory=_empty)
    catatan_sumber: list[CatatanJadwal] = Field(default_factory=_empty, description=_CATATAN)


Triwulan = Annotated[StrictInt, Field(ge=1, le=4, description="Triwulan 1-4.")]


class RealisasiIndikator(_Model):
    """The realised value of one indicator in one quarter, and why it is what it is."""

    id: Id = Field(description="id indikator (PK atau bidang).")
    realisasi: TargetValue = Field(
        description=(
            "Realisasi berkas tw<N>.yaml ditulis seperti target triwulannya: untuk "
            "cara_gabung jumlah angka triwulan ini saja, untuk kumulatif angka berjalan, "
            "untuk tetap angka triwulan ini. Berkas s1.yaml, tahunan.yaml dan "
            "sd-<tanggal>.yaml: angka s.d. akhir periodenya. Indikator berskala: nilai skala."
        )
    )
    satuan: FreeText | None = Field(None, description="Satuan (opsional); bila ditulis harus sama.")
    faktor_pendukung: str | None = None
    faktor_penghambat: str | None = None
    upaya_perbaikan: str | None = None


class RealisasiAksi(_Model):
    """Whether (and in which months of the quarter) one aksi took place."""

    no: StrictInt = Field(ge=1, description="Nomor aksi di tabel sub kegiatannya (urutan).")
    nama: FreeText | None = Field(
        None, description="Nama aksi (opsional); bila ditulis harus sama."
    )
    bulan: Months = Field(
        default_factory=_empty,
        description="Bulan terlaksana dalam triwulan ini; kosong = tidak terlaksana.",
    )
    catatan: str | None = None


class RealisasiUnit(_Model):
    """Spending, output and aksi of one sub kegiatan up to the end of a quarter."""

    sub_kegiatan: Id = Field(description="id sub kegiatan di perjanjian-kinerja.yaml.")
    anggaran: Anggaran = Field(
        description="Realisasi anggaran kumulatif sampai akhir triwulan ini (rupiah)."
    )
    keluaran: RealisedOutput | None = Field(
        None, description="Realisasi keluaran kumulatif, mis. 2500 orang (opsional)."
    )
    aksi: list[RealisasiAksi] = Field(default_factory=_empty)


class RealisasiFile(_Model):
    """``realisasi/<periode>.yaml``: what was achieved and spent in a period (a quarter,
    semester I, the year, or up to a date: :mod:`renaksi.plan.periods`)."""

    tahun: Year | None = None
    triwulan: Triwulan | None = Field(
        None, description="Triwulan yang dilaporkan (berkas tw<N>.yaml); sama dengan nama berkas."
    )
    semester: Literal[1] | None = Field(
        None, description="Semester yang dilaporkan (berkas s1.yaml): 1."
    )
    sampai: Date | None = Field(
        None,
        description=(
            "Realisasi s.d. tanggal ini (berkas sd-<tanggal>.yaml); sama dengan nama berkas."
        ),
    )
    tanggal: Date | None = Field(None, description="Tanggal laporan.")
    catatan: str | None = Field(None, description="Catatan yang dicetak di awal laporan.")
    indikator: list[RealisasiIndikator] = Field(default_factory=_empty)
    sub_kegiatan: list[RealisasiUnit] = Field(default_factory=_empty)


class PerubahanPagu(_Model):
    """One pagu the Perubahan changes: a sub kegiatan's (or an APBN output's or kegiatan's)."""

    sub_kegiatan: Id = Field(
        description="id sub kegiatan (atau output/kegiatan APBN) di perjanjian-kinerja.yaml."
    )
    lama: Rupiah = Field(description="Pagu murni, seperti di perjanjian-kinerja.yaml; diperiksa.")
    baru: Rupiah = Field(description="Pagu perubahan (DPPA).")


class PerubahanTarget(_Model):
    """One indicator whose target the Perubahan changes (a PK or a bidang indicator)."""

    indikator: Id = Field(description="id indikator (PK atau bidang).")
    target: TargetValue | None = Field(None, description="Target tahunan perubahan.")
    triwulan: list[TargetValue] | None = Field(
        None, min_length=4, max_length=4, description="Empat target triwulan perubahan."
    )
    alasan: str | None = Field(
        None, description="Mengapa target ini diubah (wajib: target berubah hanya dengan alasan)."
    )


class PerubahanFile(_Model):
    """``perubahan.yaml``: the Perubahan within the year (APBD-P/DPPA, PK Perubahan): what
    changes from the murni plan, on what basis, from when, and why. The murni files stay as
    they are; the Perubahan plan is the murni plan with these values replaced."""

    tahun: Year | None = None
    dasar: str | None = Field(
        None, description="Dasar hukum perubahan: nomor dan tanggal DPPA atau SK (wajib, PR01)."
    )
    tanggal: Date = Field(description="Tanggal berlakunya perubahan.")
    tempat: Maybe[Text] | None = Field(
        None,
        description=(
            "Tempat penandatanganan Rencana Aksi Perubahan dan PK Perubahan. Bila tidak "
            "ditulis: tidak tercantum (bukan tempat dokumen murni)."
        ),
    )
    tanggal_tanda_tangan: Maybe[SigningDate] | None = Field(
        None,
        description=(
            "Tanggal penandatanganan Rencana Aksi Perubahan dan PK Perubahan. Bila tidak "
            "ditulis: tidak tercantum (bukan tanggal dokumen murni)."
        ),
    )
    alasan: str | None = Field(
        None,
        description=(
            "Alasan perubahan, mis. mutasi pejabat, perubahan program/kegiatan atau anggaran, "
            "perubahan prioritas (wajib, PR01)."
        ),
    )
    pagu: list[PerubahanPagu] = Field(default_factory=_empty, description="Pagu yang berubah.")
    total_pagu: Rupiah | None = Field(
        None,
        description="Total pagu perubahan; wajib bila totalnya berubah (PR03).",
    )
    target: list[PerubahanTarget] = Field(
        default_factory=_empty, description="Target indikator yang berubah."
    )


def quantity_places(
    model: type[BaseModel], data: object, path: KeyPath = ()
) -> list[tuple[KeyPath, object]]:
    """Every value in the YAML tree ``data`` that ``model`` reads as a quantity, with its
    path: found from the models' fields, so a quantity field added later is included.

    ``data`` is the tree as read, whether or not it matched the model; values of the wrong
    shape are passed over (the schema findings name them). Gathered into one list: nested
    generators passed every value up through each level of the tree.
    """
    found: list[tuple[KeyPath, object]] = []
    _gather_model(model, data, path, found)
    return found


def _gather_model(
    model: type[BaseModel], data: object, path: KeyPath, found: list[tuple[KeyPath, object]]
) -> None:
    if isinstance(data, dict):
        for name, shape in _quantity_fields(model):
            if name in data:
                _gather(shape, data[name], (*path, name), found)


#: Where quantities can be inside a field's value: ``("quantity",)`` (the value itself),
#: ``("list", shape)``, ``("model", cls)`` or ``("union", shapes)``.
_Shape = tuple[Any, ...]


@functools.cache
def _quantity_fields(model: type[BaseModel]) -> tuple[tuple[str, _Shape], ...]:
    """The fields of ``model`` that can hold a quantity, worked out once per model."""
    found = []
    for name, field in model.model_fields.items():
        shape = _shape(field.annotation, tuple(field.metadata))
        if shape is not None:
            found.append((name, shape))
    return tuple(found)


def _shape(annotation: Any, metadata: tuple[Any, ...]) -> _Shape | None:
    if any(m is _QUANTITY_READER or m is _TARGET_READER for m in metadata):
        return ("quantity",)
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is Annotated:
        return _shape(args[0], tuple(args[1:]))
    if origin in (typing.Union, types.UnionType):
        arms = tuple(s for arm in args if (s := _shape(arm, ())) is not None)
        return None if not arms else arms[0] if len(arms) == 1 else ("union", arms)
    if origin is list:
        inner = _shape(args[0], ())
        return None if inner is None else ("list", inner)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return ("model", annotation) if _quantity_fields(annotation) else None
    return None


def _gather(shape: _Shape, raw: object, path: KeyPath, found: list[tuple[KeyPath, object]]) -> None:
    kind = shape[0]
    if kind == "quantity":
        found.append((path, raw))
    elif kind == "list":
        if isinstance(raw, list):
            inner = shape[1]
            for i, item in enumerate(raw):
                _gather(inner, item, (*path, i), found)
    elif kind == "model":
        _gather_model(shape[1], raw, path, found)
    else:
        for arm in shape[1]:
            _gather(arm, raw, path, found)
