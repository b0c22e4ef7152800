"""spaCy components of the vnlao pipeline; importing this package registers their factories."""
import importlib

COMPONENT_MODULES = ("article", "lexicon", "dates", "titles", "people", "congresses", "trade", "events")

for _module in COMPONENT_MODULES:
    try:
        importlib.import_module(f"{__name__}.{_module}")
    except ModuleNotFoundError as exc:  # while a component is being written
        if exc.name != f"{__name__}.{_module}":
            raise
