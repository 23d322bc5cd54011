"""``python -m programmatool.reference`` (``make docs``): write the generated pages in docs/ and
the editor schema programmacontract.schema.json.

This script is the one place below the command line that reads the app: the command reference
is made from its command tree (an exception the import-linter contract names).
"""

from programmatool.cli.app import command
from programmatool.reference.pages import write_pages
from programmatool.reference.schema import SCHEMA_FILE, write_schema
from programmatool.text.terminal import write_out

for path in write_pages(command()):
    write_out(f"geschreven: {path}\n")
write_schema()
write_out(f"geschreven: {SCHEMA_FILE}\n")
