"""Text for people: Indonesian formats, Markdown and terminal sanitising, atomic writes."""
