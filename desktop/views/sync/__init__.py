"""The Sync section: packages between a district and its province."""
