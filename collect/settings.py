"""Django settings for collect.

Every setting that differs between a laptop and production is read from the environment, with defaults that
run anywhere: SQLite, the database task queue, email written to files. See README.md for the variables.
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.management.utils import get_random_secret_key

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("COLLECT_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    """Read a yes/no environment variable ("1", "true", "yes", "on" mean yes)."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _secret_key() -> str:
    """The configured secret key, or outside production one generated once and kept in var/."""
    if key := os.environ.get("COLLECT_SECRET_KEY"):
        return key
    if ENVIRONMENT == "production":
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured("Set COLLECT_SECRET_KEY in production.")
    key_file = VAR_DIR / "secret_key"
    if not key_file.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        key_file.write_text(get_random_secret_key())
        key_file.chmod(0o600)
    return key_file.read_text().strip()


# "production" makes missing secrets an error instead of generating development ones.
ENVIRONMENT = os.environ.get("COLLECT_ENVIRONMENT", "development")
DEBUG = env_bool("COLLECT_DEBUG")
SECRET_KEY = _secret_key()
ALLOWED_HOSTS = [h for h in os.environ.get("COLLECT_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]").split(",") if h]
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("COLLECT_CSRF_TRUSTED_ORIGINS", "").split(",") if o]

SERVICE_NAME = "Submit social housing lettings and sales data (CORE)"
SERVICE_PHASE = "beta"
SERVICE_FEEDBACK_EMAIL = os.environ.get("COLLECT_FEEDBACK_EMAIL", "submitCORE@communities.gov.uk")
# Absolute address of the service, used in links sent by email.
SERVICE_URL = os.environ.get("COLLECT_SERVICE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "collect.web",
    "collect.accounts",
    "collect.organisations",
    "collect.schemes",
    "collect.logs",
    "collect.bulkupload",
    "collect.journeys",
    "collect.refdata",
    "collect.notify",
    "collect.audit",
    "collect.demo",
    "collect.exports",
    "collect.operations",
    "collect.opendata",
    "collect.collection",
    "collect.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "collect.accounts.middleware.IdleSessionTimeoutMiddleware",
    "collect.accounts.middleware.SignInRequiredMiddleware",
    "collect.accounts.middleware.SecurityCodeRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "collect.urls"
WSGI_APPLICATION = "collect.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": False,
        "OPTIONS": {
            "environment": "collect.web.jinja.environment",
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csrf",
                "django.contrib.messages.context_processors.messages",
                "collect.web.context.service",
                "collect.collection.notifications.context",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'collect.sqlite3'}"),
        conn_max_age=int(os.environ.get("COLLECT_DB_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web server and the task worker use the file at the same time.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Accounts
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # Lets the sign-in page tell a deactivated user why, once their password is proved right.
    "django.contrib.auth.backends.AllowAllUsersModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator",
        "OPTIONS": {"user_attributes": ("email", "name")},
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 8}},
    {"NAME": "collect.accounts.passwords.MaximumLengthValidator", "OPTIONS": {"max_length": 128}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:sign-in"
LOGIN_REDIRECT_URL = "web:home"
# Links in invitation and password reset emails stay valid this long.
COLLECT_ACCOUNT_LINK_MAX_AGE = timedelta(hours=24)
# A signed-in session ends after this long without a request.
COLLECT_SESSION_IDLE_TIMEOUT = timedelta(minutes=int(os.environ.get("COLLECT_SESSION_IDLE_MINUTES", "480")))

# Two-factor authentication (collect.accounts.two_factor): support users always, anyone else who turns it on.
COLLECT_TWO_FACTOR_CODE_VALIDITY = timedelta(minutes=15)  # an emailed code (5 digits) works once, this long
COLLECT_TWO_FACTOR_RESEND_INTERVAL = timedelta(seconds=30)  # at most one new emailed code this often
COLLECT_TWO_FACTOR_MAX_WRONG_CODES = 3  # wrong codes in a row that sign the person out
COLLECT_TWO_FACTOR_THROTTLE_SECONDS = 1  # after that, each further attempt waits 1, 2, 4, 8... seconds
OTP_TOTP_ISSUER = "CORE"  # the name authenticator apps show
OTP_TOTP_THROTTLE_FACTOR = 0  # collect.accounts.two_factor applies the delays itself
OTP_TOTP_SYNC = False  # accept one 30-second step either side, without learning a drift

# Lockout (django-axes): 5 failed sign-ins for an email address lock it for an hour.
AXES_ENABLED = True
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(hours=1)
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_USERNAME_FORM_FIELD = "email"
AXES_USERNAME_CALLABLE = "collect.accounts.lockout.username_from_request"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "collect.accounts.lockout.locked_out_response"
AXES_VERBOSE = False

# Sessions live in the database so web processes stay stateless.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_COOKIE_NAME = "collect_session"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 14 * 24 * 3600  # the idle timeout above ends sessions much sooner
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

# Security headers. The secure-transport ones apply outside debug, where the service sits behind TLS.
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
CSRF_FAILURE_VIEW = "collect.web.views.csrf_failure"
if not DEBUG:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = 365 * 24 * 3600
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_SSL_REDIRECT = env_bool("COLLECT_SSL_REDIRECT", default=ENVIRONMENT == "production")
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_REDIRECT_EXEMPT = [r"^health$"]

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# Static files: GOV.UK Frontend and our own assets, served by the app (WhiteNoise).
STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Production serves the hashed, compressed copies made by `manage.py collectstatic`; elsewhere the files as they are.
STATIC_ROOT = (
    Path(os.environ.get("COLLECT_STATIC_ROOT", VAR_DIR / "staticfiles")) if ENVIRONMENT == "production" else None
)
WHITENOISE_USE_FINDERS = ENVIRONMENT != "production"
STORAGES = {
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(VAR_DIR / "files")},
    },
    "staticfiles": {
        "BACKEND": "collect.web.storage.StaticStorage"
        if ENVIRONMENT == "production"
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# Background tasks: the database queue by default (run `manage.py worker`).
TASKS = {
    "default": {
        "BACKEND": os.environ.get("COLLECT_TASK_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

# Rate limits (collect.web.ratelimit): the cache that counts, and password reset links asked for per hour.
COLLECT_RATE_LIMIT_CACHE = os.environ.get("COLLECT_RATE_LIMIT_CACHE", "default")
COLLECT_PASSWORD_RESETS_PER_ADDRESS = int(os.environ.get("COLLECT_PASSWORD_RESETS_PER_ADDRESS", "5"))
COLLECT_PASSWORD_RESETS_PER_CLIENT = int(os.environ.get("COLLECT_PASSWORD_RESETS_PER_CLIENT", "30"))

# Bulk upload: the processes that check a large file's rows (one per core by default; 1 checks in the job's own).
COLLECT_BULK_PROCESSES = int(os.environ.get("COLLECT_BULK_PROCESSES", str(min(os.cpu_count() or 1, 8))))

# Email goes through collect.notify; COLLECT_EMAIL_BACKEND picks where it ends up.
EMAIL_BACKENDS = {
    "file": "collect.notify.backends.FileEmailBackend",
    "console": "django.core.mail.backends.console.EmailBackend",
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "notify": "collect.notify.backends.NotifyEmailBackend",
    "memory": "django.core.mail.backends.locmem.EmailBackend",
}
EMAIL_BACKEND = EMAIL_BACKENDS[os.environ.get("COLLECT_EMAIL_BACKEND", "file")]
EMAIL_FILE_PATH = VAR_DIR / "emails"
DEFAULT_FROM_EMAIL = os.environ.get("COLLECT_FROM_EMAIL", "CORE <no-reply@core.example>")
EMAIL_HOST = os.environ.get("COLLECT_SMTP_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("COLLECT_SMTP_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("COLLECT_SMTP_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("COLLECT_SMTP_PASSWORD", "")
EMAIL_USE_TLS = env_bool("COLLECT_SMTP_TLS")
NOTIFY_API_KEY = os.environ.get("COLLECT_NOTIFY_API_KEY", "")
# A GOV.UK Notify email template whose subject is ((subject)) and whose body is ((body)).
NOTIFY_TEMPLATE_ID = os.environ.get("COLLECT_NOTIFY_TEMPLATE_ID", "")

# Reference data files (see ../shared/refdata/README.md); never copied into the repository.
COLLECT_REFDATA_DIR = Path(os.environ.get("COLLECT_REFDATA_DIR", BASE_DIR.parent / "shared" / "refdata"))

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = False
USE_TZ = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("COLLECT_LOG_LEVEL", "INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}

SILENCED_SYSTEM_CHECKS = [
    # Lockout is per account, as the standard asks; throttling by address is a separate limit.
    "axes.W006",
]

# Address search (platform.md §9): the OS Places API when a key is given; with none, addresses are entered by hand.
# ADDRESS_LOOKUP names a factory that returns an AddressLookup (collect.addresses.lookup), or is empty for none.
OS_PLACES_KEY = os.environ.get("COLLECT_OS_PLACES_KEY", "")
OS_PLACES_URL = os.environ.get("COLLECT_OS_PLACES_URL", "https://api.os.uk/search/places/v1")
ADDRESS_LOOKUP = os.environ.get(
    "COLLECT_ADDRESS_LOOKUP", "collect.addresses.os_places.from_settings" if OS_PLACES_KEY else ""
)

# The supplier API (collect.api): calls per token per window, counted in this cache (a shared one in production).
COLLECT_API_RATE_LIMIT = int(os.environ.get("COLLECT_API_RATE_LIMIT", "600"))
COLLECT_API_RATE_WINDOW = int(os.environ.get("COLLECT_API_RATE_WINDOW", "60"))
COLLECT_API_RATE_CACHE = os.environ.get("COLLECT_API_RATE_CACHE", "default")
