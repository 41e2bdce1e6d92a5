"""The activities page: calendar, agenda, planning and changing activities."""
