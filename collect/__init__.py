"""collect: the CORE social housing lettings and sales data collection service."""
