from vanban.cli import run

run()
