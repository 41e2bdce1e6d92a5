"""Files the program produces (PDF, CSV/XLSX, later SEPA and iCal).

Fed by services; no Qt, no SQL.
"""
