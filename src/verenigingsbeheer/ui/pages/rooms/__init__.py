"""The rooms page: venues and rooms, their bookings and conflicts, and the rent."""
