"""Biên bản làm việc: the register of working minutes, the editor, co-signing, preview and print."""
