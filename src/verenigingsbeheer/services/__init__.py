"""The rules of the domain, as plain functions on a Session. No Qt, no commits."""
