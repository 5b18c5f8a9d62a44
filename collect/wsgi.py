"""WSGI entry point (gunicorn collect.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "collect.settings")
application = get_wsgi_application()
