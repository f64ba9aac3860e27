"""The "Overview" section (Tổng quan): the unit's figures at a glance."""
