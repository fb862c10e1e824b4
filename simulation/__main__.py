"""`python -m simulation …`: see simulation.cli.

A Ctrl-C while the command's own modules are still being imported, or its command line read, comes before
`main` can catch it; it ends as a Ctrl-C during the command does: the kit's one line, in the command's language,
and status 130, not a traceback of the import. (The package itself, about 0.8 s with pandas, is imported before
this file runs: kit.py starts the command through `termination.module_command`, which ends a Ctrl-C in that
first moment quietly with status 130; `python -m simulation` typed by hand still shows Python's traceback then.)
"""

import sys


def _interrupted() -> int:
    from .language import get_language, text  # loaded with the package, before any of this runs
    from .language_choice import typed_language

    print(text("cli.interrupted", typed_language(sys.argv[1:], get_language())), file=sys.stderr)
    return 130


try:
    from .cli import main

    status = main()
except KeyboardInterrupt:
    status = _interrupted()
sys.exit(status)
