"""The events layer: PLOVER-coded events with actors, place, date and reporter
(``layer.find_events``)."""
