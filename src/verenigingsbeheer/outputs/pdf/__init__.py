"""Printed lists as PDF (ReportLab, A4).

`options` holds the choices a caller offers (columns, label sheets) and imports no
ReportLab, so screens and the CLI can show them without loading it. The report modules
(`member_list`, `labels`, `birthdays`, `sign_in`, `board_list`, `schedule`, `attendance`,
`rent`, `room_schedule`, `volunteer_overview`, `volunteer_statement`, `allowance_register`)
import ReportLab and are imported only when a report is made.
"""
