"""``python -m programmatool.reference``: write the generated references in docs/ anew."""

from programmatool.reference.fields import write_docs

write_docs()
