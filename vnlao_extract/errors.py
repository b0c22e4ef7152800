"""Every message a user can see, in one place (as spaCy keeps its own in errors.py): each error starts
with its code, as spaCy writes them ("[E010] ..."), so that a user can look a message up."""


class ErrorsWithCodes(type):
    """Reading ``Errors.E010`` gives the message with its code in front, as spaCy's catalogue does."""

    def __getattribute__(self, code: str):
        message = super().__getattribute__(code)
        if code.startswith("_") or not isinstance(message, str):
            return message
        return f"[{code}] {message}"


class Errors(metaclass=ErrorsWithCodes):
    E001 = "cannot read {path}: {reason}"
    E002 = "{path}: file is empty"
    E003 = "{path}: looks binary (NUL bytes), not a text article"
    E004 = "{path}: larger than --max-bytes ({size} > {limit} bytes)"
    E005 = "{path}: is a directory (give it as a folder to walk, or use --glob)"
    E006 = "{path}: no such file or directory"
    E007 = "{path}: not a regular file, skipped"
    E008 = "{path}: extraction failed: {reason}"
    E009 = "--published must be a date as YYYY-MM-DD, got {value!r}"
    E010 = "{path}: bad line {line} in {kind} file: {reason}"
    E011 = "{path}: symlink loop or broken link"
    E012 = "interrupted"
    E013 = "{path}: looks binary (control characters or undecodable), not a text article"
    E014 = "{path}: larger than --max-bytes (more than {limit} bytes)"
    E015 = "{path}: line {line} in actors file: missing {field!r}"
    E016 = "{path}: line {line} in actors file: unknown role {role!r} (known: {known})"
    E017 = "{path}: line {line} in actors file: {reason}"
    E018 = "{path}: not a directory (a file name cannot end with a slash)"
    E019 = "{path}:{line}: bad {kind} row: {reason}"
    E020 = "{path}:{line}: pattern {id!r} is not a valid spaCy Matcher pattern: {reason}"
    E021 = "{path}:{line}: pattern {id!r} uses the unknown class {name!r}"
    E040 = "--timeout must be between 0 (no budget) and {limit:g} seconds, got {value}"
    E041 = "{path}: took longer than {seconds} s (--timeout), skipped"
    E042 = "--out {out}: {reason}"
    E043 = "--out {out}: is one of the inputs ({path}), refused so that it is not overwritten"
    E044 = "{path}:{line}: pattern {id!r}: {reason}"

    # web pages and collections (vnlao_extract/sources, vnlao_extract/dask)
    E050 = "{path}: is a web page; reading HTML needs the html extra: pip install 'vnlao-extract[html]'"
    E051 = "{path}: cannot read the web page: {reason}"
    E052 = "{path}: web page without article text"
    E053 = "{path}: bad article in collection: {reason}"
    E054 = "{path}: bad collection: {reason}"
    E055 = "--input-format must be one of {known}, got {value!r}"
    E056 = "--dask needs Dask: pip install 'vnlao-extract[dask]'"
    E057 = "--dask must be 'local' or a scheduler address like tcp://HOST:8786, got {value!r}"


class Warnings:
    """Warnings keep their codes out of the text: W003 is written into article records, whose bytes stay
    as they were."""

    W001 = "{path}: decoded as {encoding}, not UTF-8"
    W002 = "{path}: given more than once, read once"
    W003 = "{name}: the article calls them {title!r}, the registry has them as {held} on {date}"
    W004 = "{path}: no files matching {glob!r} in this folder"
    W040 = "{path}: {count} byte sequence(s) not valid UTF-8, read as U+FFFD (the rest is UTF-8)"
    W041 = "published {date} is at the edge of the calendar: dates placed against it outside years 1-9999 are skipped"
    W042 = "{path}: the same file as {first} (through a link), read once as {first}"

    # web pages and collections (vnlao_extract/sources)
    W050 = "{path}: date field {value!r} is not an ISO date, ignored"
    W051 = "{path}: id {id!r} used before in this collection, named by its line instead"

    # events (year-less dates left out)
    W005 = ("{path}: no published date, so {count} date(s) without a year were left out "
            "(give --published YYYY-MM-DD)")


class InputError(Exception):
    """An input that cannot become an article; its message is the one stderr line."""


class ResourceError(ValueError):
    """A rules or dictionary file (the package's or a user's) that cannot be loaded."""


def one_line(text: object, limit: int = 300) -> str:
    """Any message as one short line (exception texts can span lines)."""
    line = " ".join(str(text).split())
    return line if len(line) <= limit else line[: limit - 1] + "…"
