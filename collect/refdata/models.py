"""Official reference data: the local authority register, links between old and new codes, and rent and sale ranges.

The tables are filled only by the import_refdata command (collect/refdata/importers.py) from the published files.
Years are collection years: the year in which a collection (April to March) starts, so 2025 means 2025/26.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q

# ONS GSS codes: a letter for the nation and eight digits, such as E07000223.
GSS_CODE_LENGTH = 9
# The register's one pseudo-code, "Outside UK", which is not a GSS code.
OUTSIDE_UK_CODE = "9300000XX"
# Digits (including the 2 for pence) of weekly rents and of purchase prices.
RENT_MAX_DIGITS = 8
SALE_MAX_DIGITS = 12


class LocalAuthorityQuerySet(models.QuerySet["LocalAuthority"]):
    def active_in(self, year: int) -> LocalAuthorityQuerySet:
        """Local authorities that exist in the collection year: started by then and not yet ended."""
        return self.filter(Q(start_year__lte=year), Q(end_year__isnull=True) | Q(end_year__gt=year))

    def in_england(self) -> LocalAuthorityQuerySet:
        """Local authorities in England."""
        return self.filter(code__startswith="E")


class LocalAuthority(models.Model):
    """A local authority of the ONS register, in existence from start_year until (not including) end_year."""

    code = models.CharField(max_length=GSS_CODE_LENGTH, unique=True)
    name = models.CharField(max_length=100)
    start_year = models.PositiveSmallIntegerField()
    end_year = models.PositiveSmallIntegerField(null=True, blank=True)

    objects = LocalAuthorityQuerySet.as_manager()

    class Meta:
        ordering = ("name", "code")
        verbose_name_plural = "local authorities"
        constraints = (
            models.CheckConstraint(
                condition=Q(end_year__isnull=True) | Q(end_year__gt=models.F("start_year")),
                name="local_authority_ends_after_start",
            ),
        )

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"

    @property
    def is_in_england(self) -> bool:
        """Whether the local authority is in England (its code starts with E)."""
        return self.code.startswith("E")

    def is_active_in(self, year: int) -> bool:
        """Whether the local authority exists in the collection year (the rule of LocalAuthority.objects.active_in)."""
        return self.start_year <= year and (self.end_year is None or self.end_year > year)


class LocalAuthorityLink(models.Model):
    """An old local authority code linked to its successor or predecessor, from the links file of `year`."""

    local_authority_code = models.CharField(max_length=GSS_CODE_LENGTH)
    linked_local_authority_code = models.CharField(max_length=GSS_CODE_LENGTH)
    year = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ("year", "local_authority_code", "linked_local_authority_code")
        constraints = (
            models.UniqueConstraint(
                fields=("local_authority_code", "linked_local_authority_code", "year"),
                name="local_authority_link_unique",
            ),
        )

    def __str__(self) -> str:
        return f"{self.local_authority_code} ↔ {self.linked_local_authority_code} ({self.year})"


class RentRange(models.Model):
    """Weekly rent soft and hard limits for a letting type, local authority and number of bedrooms in a year.

    beds is 0 for the supported housing letting types (even lettype), which have no bedroom breakdown.
    The unique constraint's index serves the lookup by (start_year, lettype, la, beds).
    """

    start_year = models.PositiveSmallIntegerField()
    lettype = models.PositiveSmallIntegerField()
    la = models.CharField(max_length=GSS_CODE_LENGTH)
    beds = models.PositiveSmallIntegerField()
    soft_min = models.DecimalField(max_digits=RENT_MAX_DIGITS, decimal_places=2)
    soft_max = models.DecimalField(max_digits=RENT_MAX_DIGITS, decimal_places=2)
    hard_min = models.DecimalField(max_digits=RENT_MAX_DIGITS, decimal_places=2)
    hard_max = models.DecimalField(max_digits=RENT_MAX_DIGITS, decimal_places=2)

    class Meta:
        ordering = ("start_year", "la", "lettype", "beds")
        constraints = (
            models.UniqueConstraint(fields=("start_year", "lettype", "la", "beds"), name="rent_range_unique"),
        )

    def __str__(self) -> str:
        return f"{self.start_year} lettype {self.lettype} {self.la} {self.beds} beds"

    @classmethod
    def find(cls, start_year: int, lettype: int, la: str, beds: int) -> RentRange | None:
        """The range for a letting, or None when the published data has none."""
        return cls.objects.filter(start_year=start_year, lettype=lettype, la=la, beds=beds).first()


class SaleRange(models.Model):
    """Purchase price soft limits for a local authority and number of bedrooms in a year."""

    start_year = models.PositiveSmallIntegerField()
    la = models.CharField(max_length=GSS_CODE_LENGTH)
    la_name = models.CharField(max_length=100)
    bedrooms = models.PositiveSmallIntegerField()
    soft_min = models.DecimalField(max_digits=SALE_MAX_DIGITS, decimal_places=2)
    soft_max = models.DecimalField(max_digits=SALE_MAX_DIGITS, decimal_places=2)

    class Meta:
        ordering = ("start_year", "la", "bedrooms")
        constraints = (models.UniqueConstraint(fields=("start_year", "la", "bedrooms"), name="sale_range_unique"),)

    def __str__(self) -> str:
        return f"{self.start_year} {self.la} {self.bedrooms} bedrooms"

    @classmethod
    def find(cls, start_year: int, la: str, bedrooms: int) -> SaleRange | None:
        """The range for a sale, or None when the published data has none."""
        return cls.objects.filter(start_year=start_year, la=la, bedrooms=bedrooms).first()


class ImportRun(models.Model):
    """One file read by a successful import: which file, its SHA-256, how many rows, and when."""

    file_name = models.CharField(max_length=200)
    sha256 = models.CharField(max_length=64)
    rows = models.PositiveIntegerField()
    imported_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("-imported_at", "-id")
        indexes = (models.Index(fields=("file_name", "-imported_at"), name="refdata_import_run_file"),)

    def __str__(self) -> str:
        return f"{self.file_name} ({self.rows} rows, {self.imported_at:%Y-%m-%d %H:%M})"
