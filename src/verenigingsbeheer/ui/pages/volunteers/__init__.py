"""The volunteers page: hours, overviews, allowances and the volunteers who are no member."""
