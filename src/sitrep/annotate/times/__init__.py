"""The times layer: TIMEX3 time expressions resolved against the report's date
(``layer.find_times``)."""
