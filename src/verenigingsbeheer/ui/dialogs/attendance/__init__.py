"""Registering attendance and availability for one activity."""

from verenigingsbeheer.ui.dialogs.attendance.dialog import AttendanceDialog, open_attendance
from verenigingsbeheer.ui.models.attendance_table import ATTENDANCE, AVAILABILITY

__all__ = ["ATTENDANCE", "AVAILABILITY", "AttendanceDialog", "open_attendance"]
