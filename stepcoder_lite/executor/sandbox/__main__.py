"""The script the supervisor starts, once per worker: ``python -I -S <this file> CONFIG_JSON``.

Under ``-I`` the folder of the script is not on ``sys.path`` (and ``-S`` skips ``site``), so
the package this file lives in cannot be imported by name. Importing it the usual way would
not do either: it would run ``stepcoder_lite/__init__.py`` and ``executor/__init__.py``, which
load the supervisor's modules into every fork server and every sandboxed child. So this file
loads only its own folder, as the package ``stepcoder_lite.executor.sandbox``; the server
then imports nothing but the standard library and the modules beside this file.
"""

import os
import sys

PACKAGE = "stepcoder_lite.executor.sandbox"

if __name__ == "__main__":
    if PACKAGE not in sys.modules:  # run as a file (as core.py does); under -m it is loaded already
        import importlib.util

        here = os.path.dirname(os.path.abspath(__file__))
        spec = importlib.util.spec_from_file_location(PACKAGE, os.path.join(here, "__init__.py"),
                                                      submodule_search_locations=[here])
        package = importlib.util.module_from_spec(spec)
        sys.modules[PACKAGE] = package
        spec.loader.exec_module(package)

    from stepcoder_lite.executor.sandbox.server import main

    main(sys.argv)
