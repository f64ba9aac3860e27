"""The program's pages for browsers on the office network: the awareness test taken from any
phone or PC while the proctor's PC serves it. No Qt here (the command line serves without it);
the pages are a view of the same test-taking flow as the kiosk."""
