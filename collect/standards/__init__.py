"""The declarations of the national standard, collection year by collection year, and the code lists they share."""
