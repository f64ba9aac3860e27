"""Training sessions and the awareness quiz (no Qt here).

- `bank`, `bank_io`: topics, questions and their versions; imports and the default bank;
- `kinds`, `pictures`: the kinds of question (one right, tick all, one of several right,
  true/false) with Moodle's weights, and the pictures of questions and options;
- `sessions`: training sessions, attendance, test settings, the proctor's PIN;
- `papers`: drawing reproducible papers and printed variants;
- `attempts`, `grading`: taking the test, answer by answer, and grading;
- `results`, `coverage`: the proctor's live list, results, coverage of the roster;
- `stats`: item analysis (Moodle's statistics report definitions), from the sums the database
  keeps (`stat_sums`) or counted from the answers (`stat_counts`);
- `paper_entry`: answers keyed in from paper;
- `kiosk`, `kiosk_files`: the kiosk's PIN and running state; files between kiosk PCs.
"""
