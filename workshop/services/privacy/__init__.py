"""Personal data (issue 30): one person found, handed over or erased, and each workshop's retention period."""
