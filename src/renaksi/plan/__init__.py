"""The plan: its vocabulary (models, value grammars, people), its folder and files, reading
YAML with positions, and the git revisions a plan folder is read from."""
