"""The newsroom's loop: review sheets, reviewers' decisions, and diffs between runs."""
