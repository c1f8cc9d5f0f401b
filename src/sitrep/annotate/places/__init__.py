"""The places layer: toponyms resolved offline to GeoNames entries with coordinates
(``layer.resolve_places``)."""
