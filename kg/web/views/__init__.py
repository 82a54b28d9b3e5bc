"""The views, one blueprint a module: each parses the request, makes one call into ``kg`` and
picks a serializer. ``create_app`` registers them all."""
