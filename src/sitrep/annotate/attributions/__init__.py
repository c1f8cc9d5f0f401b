"""The attributions layer: who says what, with source, cue and content spans
(``layer.find_attributions``)."""
