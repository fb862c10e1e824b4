"""The model's units of time: the run's clock counts calendar days.

A month is a twelfth of an average year, so twelve monthly moments make a
year exactly. Work is counted in hours; a rep's working hours a year spread
over every calendar day (weekends and holidays included) give the hours a
rep has per calendar day, which turns hours of work into calendar time.
"""

from __future__ import annotations

DAYS_PER_YEAR = 365.25
DAYS_PER_MONTH = DAYS_PER_YEAR / 12
HOURS_PER_WORKDAY = 8.0  # a "day of work" in the parameters (quote work, service work) is eight hours
