"""The kiosk window on Qt for Windows, under Wine (the Windows lane)."""
