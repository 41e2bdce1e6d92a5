"""Files the program produces (PDF, CSV/XLSX, later SEPA and iCal): fed by services, no Qt, no SQL."""
