"""The Qt user interface. Views hold layout and wiring; the rules live in desktop.models."""
