"""The "ISO records" section: the ISO team, document register, policy and objectives, conversion
plan, internal audits, nonconformities, management reviews and the yearly report."""
