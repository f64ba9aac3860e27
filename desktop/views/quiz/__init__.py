"""Training and the awareness quiz: sessions and the proctor's view, the question bank, item
analysis, roster coverage, and the locked kiosk."""
