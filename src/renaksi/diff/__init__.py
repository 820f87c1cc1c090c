"""What a change does to a plan: typed change kinds, the plan and realisasi diffs, and two
revisions (git or folders) compared."""
