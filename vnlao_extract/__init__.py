"""vnlao_extract: rule-based spaCy extraction of diplomatic news into structured records."""

__version__ = "0.1.0"
SCHEMA_VERSION = "1.0"
