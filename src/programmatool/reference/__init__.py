"""References generated from the code: the pages in docs/ on commands (from the app's help),
rules (from the rule registry), kinds of change (from the change checks) and fields (from the
model), and the JSON schema."""
