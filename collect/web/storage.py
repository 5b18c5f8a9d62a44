"""Static file storage for production: hashed names, compressed copies, and rewritten ES module imports."""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticStorage(CompressedManifestStaticFilesStorage):
    """WhiteNoise's manifest storage, also rewriting `import … from "…"` so app.mjs finds the hashed GOV.UK file."""

    support_js_module_import_aggregation = True
