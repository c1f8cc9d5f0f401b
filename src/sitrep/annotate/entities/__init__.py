"""The entities layer: people, organisations and places named in an article, with
canonical ids, aliases, titles and roles (``layer.find_entities``)."""
