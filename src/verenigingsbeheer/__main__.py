"""Entry point for `python -m verenigingsbeheer` and the installed scripts."""

import sys


def main() -> None:
    from verenigingsbeheer.cli import main as cli_main

    sys.exit(cli_main(sys.argv[1:]))


if __name__ == "__main__":
    main()
