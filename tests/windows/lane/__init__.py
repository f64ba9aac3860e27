"""Tests that call Windows for real (the Windows lane)."""
