#!/usr/bin/env bash
# Creates a throwaway virtual environment with the Python `lifetimes` package (0.11.3), the
# reference implementation `clientele bench model` compares against. Prints the python path.
# Usage: bash Tests/Benchmarks/setup-lifetimes.sh [VENV_DIR]   (default: .build/lifetimes-venv)
set -euo pipefail
venv="${1:-.build/lifetimes-venv}"
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv" >&2
    # lifetimes 0.11.3 still imports pkg_resources, which setuptools 82 removed.
    "$venv/bin/pip" install --quiet "setuptools<82" numpy scipy pandas "lifetimes==0.11.3" >&2
fi
"$venv/bin/python" -c "import lifetimes, numpy, scipy, pandas" >&2
echo "$venv/bin/python"
