"""`python -m vnlao_extract` is the `extract` command."""
from .cli import main

main()
