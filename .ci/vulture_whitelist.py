"""Names vulture cannot see used (read by `vulture` in .ci/run; never imported or run).

Each group says why the names are used although no Python code of napctl calls them.
"""

# ruff: noqa
_ = object()

# Public functions of the library, used by the tests and docs/cli_reference.py.
_.load_file
_.apply_edit  # one entry edited: the library call that apply_edits batches
_.schema_json
_.codes_markdown
_.help_text
_.PLAN  # the plan kind, registered when load/kinds.py is imported

# Overrides whose signatures the base classes fix (click, Jinja2, signal, PyYAML).
_.format_help
_.list_templates
_.intercepted_binops
_.signum  # signal handlers take (signum, frame)
_.indentless  # yaml.Dumper.increase_indent(flow, indentless)
_.__self  # Jinja2's sandbox calls call(__self, __context, __obj, ...)
_.__getattr__  # napctl.cli's lazy module attributes (PEP 562)
_.version  # --version, handled by its eager callback

# Model fields: read by templates, the JSON Schema and pydantic, not by Python code.
_.publisher
_.published
_.principal_objectives
_.civil_society
_.framework
_.references
_.as_of
_.disaggregation
_.fund
_.evaluation
_.spent
_.submitted
_.contact

# Choices of the command line (StrEnum members typer offers) and zipfile attributes.
_.participation
_.prevention
_.protection
_.relief_and_recovery
_.html
_.github
_.annual
_.midterm
_.compress_type
_.create_system
_.external_attr

# Assessment model fields (the file format, docs/assessments.md) and the scale choices
# of `assess init --scale` (a Typer enum: read by value, never by name).
_.description
_.assessors
_.method
_.kroc_0_3
# The model words the catalogs translate (extracted by pybabel, read by a test)
_.VOCABULARY
# napctl site: used by its templates (labels, asset), the languages work's hook
# (set_translator) and the registrations its sections make when imported.
_.labels
_.asset
_.set_translator
_.SECTION_MODULES
# The one way Python code asks for a plan text in a language (outputs use text_in)
_.localized
# The review report labels, for the catalogs (extracted by pybabel, read by a test)
_.LABELS
