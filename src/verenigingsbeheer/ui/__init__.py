"""The Qt user interface: views, controllers and table models. Only this layer imports Qt."""
