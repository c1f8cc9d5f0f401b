"""The quantities layer: numbers with their units, counted nouns, ranges and qualifiers
(``layer.find_quantities``)."""
