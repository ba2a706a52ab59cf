"""How fast ``vanban`` starts: ``vanban --help`` against a bare click group with the same
commands and options (what the command line costs before any work), as whole processes.

    python benchmarks/bench_startup.py [--rounds N] [--against SRC]

Then a cold ``vanban render`` of the 277 plan against the plain docxtpl program (what
bench_scaling.py calls its 1× render), twice: with vanban's cache folder as every run after
the first finds it (the template's parts cleaned and compiled, see vanban.cache), and with
the cache off, as the very first run.

``--against SRC`` also compares with another checkout's ``src`` folder (for instance the
version before a change: ``git worktree add /tmp/old <commit>`` then ``--against
/tmp/old/src``). Targets: ``--help`` ≤ 1.5× the bare group; a cold render ≤ 1.3× the plain
program; ``import vanban.cli`` loads neither docxtpl, python-docx nor jinja2
(tests/test_architecture.py pins that). The message catalog is compiled first, as an
installed wheel has it.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import click

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import baselines
from paired import compare, vanban_env

SEED = ROOT / "plans" / "277-KH-BCD-2023.yaml"


def bare_group_script() -> str:
    """A click program with vanban's commands, options and help texts, and nothing else."""
    from vanban.cli import main

    def options(command: click.Command) -> list[str]:
        out = []
        for param in command.params:
            if isinstance(param, click.Option):
                out.append(f"@click.option({', '.join(map(repr, param.opts))}, "
                           f"is_flag={param.is_flag!r}, help={param.help!r})")
            else:
                out.append(f"@click.argument({param.name!r}, nargs={param.nargs!r}, "
                           f"required=False)")
        return out

    lines = ["import click", "", f"@click.group(help={main.help!r})",
             "@click.version_option('0', prog_name='vanban')", "def main():", "    pass", ""]
    ctx = click.Context(main)
    for name in main.list_commands(ctx):
        command = main.get_command(ctx, name)
        lines += [f"@main.command({name!r}, help={command.help!r})", *options(command),
                  f"def cmd_{name.replace('-', '_')}(**kwargs):", "    pass", ""]
    lines += ["main()"]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=21)
    parser.add_argument("--against", type=Path, help="another checkout's src folder")
    args = parser.parse_args()
    env = vanban_env(str(ROOT / "src"))
    with tempfile.TemporaryDirectory() as tmp:
        bare = Path(tmp) / "bare.py"
        bare.write_text(bare_group_script(), encoding="utf-8")
        vanban_help = [sys.executable, "-m", "vanban", "--help"]
        print(compare("vanban --help vs a bare click group", vanban_help,
                      [sys.executable, str(bare), "--help"], args.rounds, env_a=env).line())
        print(compare("python -c 'import vanban.cli' vs 'import click'",
                      [sys.executable, "-c", "import vanban.cli"],
                      [sys.executable, "-c", "import click"], args.rounds, env_a=env).line())
        render_cold(Path(tmp), env, args.rounds)
        if args.against:
            old = vanban_env(str(args.against))
            print(compare(f"vanban --help: this checkout vs {args.against}", vanban_help,
                          vanban_help, args.rounds, env_a=env, env_b=old).line())


def render_cold(tmp: Path, env: dict[str, str], rounds: int) -> None:
    """``vanban render`` of the 277 plan (copied out of the project, so no configuration
    applies) against the plain docxtpl program, with the cache folder warm and off."""
    from vanban.renderer import default_template

    scripts = baselines.write(tmp)
    plan = tmp / SEED.name
    plan.write_bytes(SEED.read_bytes())
    context = baselines.flattened_context(plan, tmp / "context.pickle")
    plain = [sys.executable, str(scripts["render"]), str(context), str(default_template()),
             str(tmp / "plain.docx")]
    ours = [sys.executable, "-m", "vanban", "render", str(plan), "-o", str(tmp / "vanban.docx"),
            "-q"]
    cache = dict(env, VANBAN_CACHE_DIR=str(tmp / "cache"))
    print(compare("vanban render (cache warm) vs plain docxtpl", ours, plain, rounds,
                  env_a=cache, env_b=env).line())
    print(compare("vanban render (cache off) vs plain docxtpl", ours, plain, rounds,
                  env_a=dict(env, VANBAN_CACHE_DIR="off"), env_b=env).line())


if __name__ == "__main__":
    main()
