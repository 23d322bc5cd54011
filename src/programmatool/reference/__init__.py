"""References generated from the code: the field reference in docs/ and the JSON schema."""
