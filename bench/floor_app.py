"""The framework floor: a one-command Typer app that imports nothing else.

    python bench/floor_app.py

What any Typer CLI pays to start, parse its (empty) command line and print
one line; napctl's start-up is measured against it.
"""

import typer

app = typer.Typer(add_completion=False)


@app.command()
def main() -> None:
    """Print one line."""
    typer.echo("floor")


if __name__ == "__main__":
    app()
