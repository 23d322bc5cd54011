"""``python -m programmatool.reference``: write the generated references in docs/ anew, and the
editor schema programmacontract.schema.json."""

from programmatool.reference.fields import write_docs
from programmatool.reference.schema import write_schema

write_docs()
write_schema()
